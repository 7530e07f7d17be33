import * as http from 'http';
import type { AddressInfo } from 'net';

/** A request as the fake server saw it. Header names are lower-case. */
export interface FakeRequest {
  readonly method: string;
  /** Path and query as received, e.g. `/rds/v3/p/backups?limit=10`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What the server does with one request. */
export type Step =
  | {
      readonly status: number;
      readonly body?: string | object;
      readonly headers?: Readonly<Record<string, string>>;
      readonly release?: Promise<void>;
    }
  /** Destroys the socket without answering (the client sees ECONNRESET / socket hang up). */
  | { readonly reset: true }
  /** Never answers. */
  | { readonly hang: true };

export type Responder = (request: FakeRequest, index: number) => Step;

export interface FakeServer {
  readonly url: string;
  /** `${url}/{service}`, for CloudSettings.endpointTemplate. */
  readonly endpointTemplate: string;
  readonly received: FakeRequest[];
  /** Requests being answered now, over all services. */
  readonly inFlight: number;
  /** Most requests in flight at once for one service (first path segment), e.g. `rds`. */
  maxInFlightFor(service: string): number;
  respond(responder: Responder): void;
  /** Resolves once `predicate` holds (polled); for waiting on requests to arrive. */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Answers the steps in order, then repeats the last one. */
export function sequence(...steps: Step[]): Responder {
  return (_request, index) => steps[Math.min(index, steps.length - 1)];
}

export function json(status: number, body: object, headers: Record<string, string> = {}): Step {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}

/** A tiny scripted HTTP server on 127.0.0.1 for testing the client over real sockets. */
export async function startFakeServer(initial: Responder = () => json(200, {})): Promise<FakeServer> {
  let responder = initial;
  const received: FakeRequest[] = [];
  let inFlight = 0;
  const perService = new Map<string, { now: number; max: number }>();

  const server = http.createServer((req, res) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request: FakeRequest = { method: req.method ?? '', url: req.url ?? '', headers };
    const index = received.length;
    received.push(request);
    const service = request.url.split('/')[1] ?? '';
    const counter = perService.get(service) ?? { now: 0, max: 0 };
    perService.set(service, counter);
    inFlight++;
    counter.now++;
    counter.max = Math.max(counter.max, counter.now);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      inFlight--;
      counter.now--;
    };
    res.on('close', done);
    req.resume();

    const step = responder(request, index);
    if ('reset' in step) {
      req.socket.destroy();
      return;
    }
    if ('hang' in step) return;
    const send = () => {
      const body = typeof step.body === 'string' ? step.body : step.body === undefined ? '' : JSON.stringify(step.body);
      res.writeHead(step.status, { 'content-length': Buffer.byteLength(body), ...step.headers });
      res.end(body);
    };
    if (step.release) void step.release.then(send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    endpointTemplate: `${url}/{service}`,
    received,
    get inFlight() {
      return inFlight;
    },
    maxInFlightFor(service) {
      return perService.get(service)?.max ?? 0;
    },
    respond(next) {
      responder = next;
    },
    async until(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake server: condition not reached in time');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
