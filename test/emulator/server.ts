/**
 * The emulator's HTTP server: one port, routed by the first path segment (`/rds/...`, `/dds/...`)
 * so `endpointTemplate` `http://127.0.0.1:PORT/{service}` reaches every service.
 * Per request: record it, apply injected faults and the rate limit, verify the signature like the API gateway, check
 * the project, then let the service answer in its own shapes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { randomUUID } from 'crypto';
import { rejectionReason } from './auth';
import { handleControl } from './control';
import { buildDataset } from './data/datasets';
import type { EmulatorData } from './data/model';
import { driftRecords, FaultBook, truncateJson } from './faults';
import { RateLimits } from './rateLimit';
import { ApiError, gateway, type Route, type ServiceDefinition } from './http';
import { SERVICES } from './services';
import type { EmulatorOptions, FaultSpec, RateLimitSpec, RecordedRequest } from './types';
import { QueryReader } from './validation';

export const DEMO_CREDENTIALS = { accessKey: 'DEMOACCESSKEY0000001', secretKey: 'demo-secret-key-not-a-real-one-0000000000' };
export const DEMO_PROJECT_ID = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
export const DEMO_REGION = 'cn-north-4';

export interface Emulator {
  url: string;
  port: number;
  /** `${url}/{service}` */
  endpointTemplate: string;
  projectId: string;
  region: string;
  credentials: { accessKey: string; secretKey: string };
  /** Every request received, in order (control requests excluded). */
  requests: RecordedRequest[];
  clearRequests(): void;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** The gateway's rate limit for one service (or all): 429 APIGW.0308 with Retry-After beyond it. */
  setRateLimit(spec: RateLimitSpec): void;
  clearRateLimits(): void;
  /** The live data set; tests may add or alter records (raw API shapes). */
  data: EmulatorData;
  close(): Promise<void>;
}

interface CompiledRoute {
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly route: Route;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names, route };
}

const COMPILED = new Map<string, { service: ServiceDefinition; routes: CompiledRoute[] }>(
  SERVICES.map((service) => [service.name, { service, routes: service.routes.map(compile) }]),
);

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function recordedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === 'authorization' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

const fromError = (error: ApiError): Reply => ({ status: error.status, body: error.body, headers: error.headers });

class EmulatorServer implements Emulator {
  readonly requests: RecordedRequest[] = [];
  readonly projectId = DEMO_PROJECT_ID;
  readonly region = DEMO_REGION;
  readonly credentials = { ...DEMO_CREDENTIALS };
  url = '';
  port = 0;
  private readonly faults = new FaultBook();
  private readonly rateLimits = new RateLimits();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: Server;

  constructor(
    readonly data: EmulatorData,
    private readonly verifySignatures: boolean,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        process.stderr.write(`emulator: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
        if (!res.headersSent && !res.destroyed)
          this.write(res, { status: 500, body: { error_code: 'EMULATOR.0500', error_msg: 'Emulator internal error' } });
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get endpointTemplate(): string {
    return `${this.url}/{service}`;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  injectFault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setRateLimit(spec: RateLimitSpec): void {
    this.rateLimits.set(spec);
  }

  clearRateLimits(): void {
    this.rateLimits.clear();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Hung and keep-alive connections would otherwise keep server.close() waiting forever.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const [, service = ''] = url.pathname.split('/');
    const body = await readBody(req);

    if (service === '__emulator') {
      return this.write(res, handleControl(this, req.method ?? 'GET', url.pathname, body, req.socket.remoteAddress));
    }

    const path = url.pathname.slice(service.length + 1) || '/';
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      service,
      path,
      query: queryObject(url.searchParams),
      headers: recordedHeaders(req),
      status: 0,
      requestId,
      at: Date.now(),
    };
    this.requests.push(record);

    let drift = false;
    let malformed = false;
    for (const fault of this.faults.take(service, path)) {
      switch (fault.kind) {
        case 'latency':
          await this.sleep(fault.latencyMs ?? 1000);
          break;
        case 'throttle':
          return this.respond(res, record, fromError(gateway.throttled(fault.retryAfterSeconds)));
        case 'serverError': {
          const status = fault.status ?? 500;
          const errors = COMPILED.get(service)?.service.errors;
          return this.respond(res, record, fromError(errors ? errors.internal(status) : gateway.backendUnavailable(status)));
        }
        case 'reset':
          req.socket.destroy();
          return;
        case 'hang':
          return; // Never answered; close() ends the connection.
        case 'malformedJson':
          malformed = true;
          break;
        case 'schemaDrift':
          drift = true;
          break;
      }
    }
    if (res.destroyed) return;
    // After any injected latency: the request has reached the gateway by then.
    const retryAfter = this.rateLimits.take(service, Date.now());
    if (retryAfter !== undefined) return this.respond(res, record, fromError(gateway.throttled(retryAfter)));

    let reply = this.dispatch(req, url, service, path, body);
    if (reply.status < 300 && drift) reply = { ...reply, body: driftRecords(reply.body) };
    this.respond(res, record, reply, reply.status < 300 && malformed);
  }

  private dispatch(req: IncomingMessage, url: URL, serviceName: string, path: string, body: string): Reply {
    const entry = COMPILED.get(serviceName);
    try {
      if (!entry || req.method !== 'GET') throw gateway.noSuchApi();
      let params: Record<string, string> | undefined;
      let route: Route | undefined;
      for (const compiled of entry.routes) {
        const m = compiled.regex.exec(path);
        if (!m) continue;
        params = Object.fromEntries(compiled.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
        route = compiled.route;
        break;
      }
      if (!route || !params) throw gateway.noSuchApi();

      if (this.verifySignatures) {
        const reason = rejectionReason(
          { method: req.method, url: req.url ?? '/', headers: req.headers, body },
          new Map([[this.credentials.accessKey, this.credentials.secretKey]]),
          Date.now(),
        );
        if (reason) throw gateway.authFailed(reason);
      }
      const urlProject = params.project_id;
      if (urlProject !== undefined && urlProject !== this.projectId) {
        throw gateway.authFailed(`the project ${urlProject} in the URL does not belong to these credentials`);
      }
      const headerProject = req.headers['x-project-id'];
      if (headerProject !== undefined && headerProject !== (urlProject ?? this.projectId)) {
        throw gateway.authFailed('the X-Project-Id header does not match the project of the request');
      }

      return route.handle({ params, query: new QueryReader(url.searchParams, entry.service.errors), data: this.data });
    } catch (error) {
      if (error instanceof ApiError) return fromError(error);
      process.stderr.write(`emulator: handler error on ${serviceName}${path}: ${error instanceof Error ? error.stack : String(error)}\n`);
      return fromError(entry ? entry.service.errors.internal(500) : gateway.noSuchApi());
    }
  }

  private respond(res: ServerResponse, record: RecordedRequest, reply: Reply, truncate = false): void {
    record.status = reply.status;
    this.write(res, reply, truncate);
  }

  private write(res: ServerResponse, reply: Reply, truncate = false): void {
    const json = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const text = truncate ? truncateJson(json) : json;
    res.writeHead(reply.status, {
      ...(text ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}),
      'Content-Length': Buffer.byteLength(text),
      ...reply.headers,
    });
    res.end(text);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = (options.now ?? new Date()).getTime();
  const server = new EmulatorServer(
    buildDataset(options.dataset ?? 'demo', now, DEMO_PROJECT_ID, DEMO_REGION),
    options.verifySignatures ?? true,
  );
  await server.listen(options.port ?? 0);
  return server;
}
