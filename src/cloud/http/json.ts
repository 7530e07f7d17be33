// The shapes the HTTP client speaks in: a query to send and a parsed JSON response.

/** Query parameters in the order given; values are sent as strings, undefined ones are dropped. */
export type Query = Record<string, string | number | undefined>;

export interface JsonResponse {
  readonly status: number;
  /** Parsed JSON body. Invalid JSON has already been turned into a CloudError. */
  readonly body: unknown;
  readonly requestId?: string;
}
