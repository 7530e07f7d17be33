/**
 * The emulator's HTTP server: one port, routed by the first path segment (`/rds/...`, `/dds/...`)
 * so `endpointTemplate` `http://127.0.0.1:PORT/{service}` reaches every service.
 * Per request: record it, apply injected faults and the rate limit, verify the signature like the API gateway, check
 * the project, then let the service answer in its own shapes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import { randomUUID } from 'crypto';
import { parseAuthorization } from '../../src/cloud/signing/signer';
import { rejectionReason } from './auth';
import { handleControl } from './control';
import { buildDataset } from './data/datasets';
import { DEMO_DOMAIN_ID, iamProject } from './data/demo';
import type { EmulatorData } from './data/model';
import { regionalDataset } from './data/regional';
import { driftRecords, FaultBook, truncateJson } from './faults';
import { RateLimits } from './rateLimit';
import { ApiError, gateway, type Route, type ServiceDefinition } from './http';
import { SERVICES } from './services';
import type { EmulatorOptions, FaultSpec, RateLimitSpec, RecordedRequest } from './types';
import { QueryReader } from './validation';

export const DEMO_CREDENTIALS = { accessKey: 'DEMOACCESSKEY0000001', secretKey: 'demo-secret-key-not-a-real-one-0000000000' };
export const DEMO_PROJECT_ID = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';
export const DEMO_REGION = 'cn-north-4';

/**
 * Account A (the demo keys) has three projects: cn-north-4 (the demo or scale data set, `data`),
 * ap-southeast-1 (a small data set named `hk-…`) and ap-southeast-3, where every service call is
 * refused with 403 APIGW.0802 (the IAM user may not access the region). Account B (other keys) has
 * one project, in cn-north-4, with a small data set named `b-…`. Neither account has a project in
 * eu-west-101, so IAM answers an empty list there, as the real IAM does.
 */
export const SECOND_REGION = 'ap-southeast-1';
export const SECOND_PROJECT_ID = '1b2c3d4e5f60718293a4b5c6d7e8f9a0';
export const DENIED_REGION = 'ap-southeast-3';
export const DENIED_PROJECT_ID = '2c3d4e5f60718293a4b5c6d7e8f9a0b1';
export const FAILING_REGION = 'eu-west-101';
export const ACCOUNT_B_CREDENTIALS = { accessKey: 'DEMOACCESSKEYB000002', secretKey: 'demo-secret-key-b-not-a-real-one-00000000' };
export const ACCOUNT_B_REGION = 'cn-north-4';
export const ACCOUNT_B_PROJECT_ID = '3d4e5f60718293a4b5c6d7e8f9a0b1c2';
export const ACCOUNT_B_DOMAIN_ID = 'e3f5a7b9c1d34f5a7b9c1d3e5f7a9b1c';

/** One project of an emulated account: its region and its own data. */
export interface EmulatorProject {
  readonly id: string;
  readonly region: string;
  /** The project's live data (raw API records); tests may alter it. */
  readonly data: EmulatorData;
  /** When set, every service call in this project is refused with this gateway error (IAM still lists it). */
  readonly denied?: { readonly status: number; readonly code: string; readonly message: string };
}

/** An emulated account: its keys and its projects, one per region. */
export interface EmulatorAccount {
  readonly name: 'A' | 'B';
  readonly credentials: { readonly accessKey: string; readonly secretKey: string };
  readonly domainId: string;
  readonly projects: readonly EmulatorProject[];
}

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
  /** The live data set of account A in cn-north-4; tests may add or alter records (raw API shapes). */
  data: EmulatorData;
  /** Account A (`credentials`, `data` is its cn-north-4 project) and account B, with their projects. */
  accounts: { readonly a: EmulatorAccount; readonly b: EmulatorAccount };
  /** Account A's second region, with a small data set of its own (a failed backup per database service). */
  secondRegion: { readonly region: string; readonly projectId: string };
  /** Account B: other keys, one project in cn-north-4 with a small data set. */
  accountB: { readonly credentials: { accessKey: string; secretKey: string }; readonly region: string; readonly projectId: string };
  /** A region where IAM has no project for either account: the project look-up fails (NO_PROJECT). */
  failingRegion: string;
  /** A region where account A has a project but every service call answers 403 APIGW.0802. */
  deniedRegion: { readonly region: string; readonly projectId: string };
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
  readonly secondRegion = { region: SECOND_REGION, projectId: SECOND_PROJECT_ID };
  readonly accountB = { credentials: { ...ACCOUNT_B_CREDENTIALS }, region: ACCOUNT_B_REGION, projectId: ACCOUNT_B_PROJECT_ID };
  readonly failingRegion = FAILING_REGION;
  readonly deniedRegion = { region: DENIED_REGION, projectId: DENIED_PROJECT_ID };
  readonly accounts: { readonly a: EmulatorAccount; readonly b: EmulatorAccount };
  /** Every project of every account, by id. */
  private readonly projectIndex = new Map<string, { account: EmulatorAccount; project: EmulatorProject }>();
  private readonly accountsByKey = new Map<string, EmulatorAccount>();
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
    now: number,
  ) {
    const small = (projectId: string, region: string, prefix: string, domainId: string) =>
      regionalDataset(now, { projectId, region, prefix, domainId });
    const second: EmulatorProject = {
      id: SECOND_PROJECT_ID,
      region: SECOND_REGION,
      data: small(SECOND_PROJECT_ID, SECOND_REGION, 'hk', DEMO_DOMAIN_ID),
    };
    const denied: EmulatorProject = {
      id: DENIED_PROJECT_ID,
      region: DENIED_REGION,
      data: small(DENIED_PROJECT_ID, DENIED_REGION, 'sg', DEMO_DOMAIN_ID),
      denied: { status: 403, code: 'APIGW.0802', message: 'The IAM user is forbidden in the currently selected region' },
    };
    // IAM answers from the first project's data: account A's lists all three of its projects.
    data.projects.push(iamProject(SECOND_PROJECT_ID, SECOND_REGION), iamProject(DENIED_PROJECT_ID, DENIED_REGION));
    const a: EmulatorAccount = {
      name: 'A',
      credentials: this.credentials,
      domainId: DEMO_DOMAIN_ID,
      projects: [{ id: DEMO_PROJECT_ID, region: DEMO_REGION, data }, second, denied],
    };
    const b: EmulatorAccount = {
      name: 'B',
      credentials: this.accountB.credentials,
      domainId: ACCOUNT_B_DOMAIN_ID,
      projects: [
        {
          id: ACCOUNT_B_PROJECT_ID,
          region: ACCOUNT_B_REGION,
          data: small(ACCOUNT_B_PROJECT_ID, ACCOUNT_B_REGION, 'b', ACCOUNT_B_DOMAIN_ID),
        },
      ],
    };
    this.accounts = { a, b };
    for (const account of [a, b]) {
      this.accountsByKey.set(account.credentials.accessKey, account);
      for (const project of account.projects) this.projectIndex.set(project.id, { account, project });
    }
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

      // The account is the one whose access key signed the request; unsigned requests (signature
      // checks off) are account A's.
      const accessKey = parseAuthorization(String(req.headers.authorization ?? ''))?.accessKey;
      const account = (accessKey !== undefined ? this.accountsByKey.get(accessKey) : undefined) ?? this.accounts.a;
      if (this.verifySignatures) {
        const secretKeys = new Map([...this.accountsByKey].map(([key, owner]) => [key, owner.credentials.secretKey]));
        const reason = rejectionReason({ method: req.method, url: req.url ?? '/', headers: req.headers, body }, secretKeys, Date.now());
        if (reason) throw gateway.authFailed(reason);
      }
      const urlProject = params.project_id;
      let project = account.projects[0];
      if (urlProject !== undefined) {
        const owner = this.projectIndex.get(urlProject);
        if (!owner) throw gateway.authFailed(`the project ${urlProject} in the URL does not belong to these credentials`);
        if (owner.account !== account) throw gateway.accessDenied(`the project ${urlProject} belongs to another account`);
        project = owner.project;
      }
      const headerProject = req.headers['x-project-id'];
      if (headerProject !== undefined) {
        const matches = urlProject !== undefined ? headerProject === urlProject : account.projects.some((p) => p.id === headerProject);
        if (!matches) throw gateway.authFailed('the X-Project-Id header does not match the project of the request');
      }
      if (urlProject !== undefined && project.denied) {
        const { status, code, message } = project.denied;
        throw new ApiError(status, { error_code: code, error_msg: message });
      }

      const instanceId = params.instance_id ?? url.searchParams.get('instance_id') ?? undefined;
      if (instanceId !== undefined && project.data.forbiddenInstances?.has(instanceId)) throw gateway.forbidden();
      return route.handle({ params, query: new QueryReader(url.searchParams, entry.service.errors), data: project.data });
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
    now,
  );
  await server.listen(options.port ?? 0);
  return server;
}
