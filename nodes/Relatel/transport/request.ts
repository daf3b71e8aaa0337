import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { connectionError, httpError } from './errors';
import {
	MAX_RETRY_AFTER_SECONDS,
	parseRetryAfter,
	retryDelayMs,
	shouldRetryNetwork,
	shouldRetryStatus,
} from './retry';
import { buildPath, ROUTES, type Route, type RouteKey } from './routes';

export type RelatelContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const DEFAULT_BASE_URL = 'https://app.relatel.dk/api/v2';
const TIMEOUT_MS = 30_000;

export type ResponseType = 'json' | 'text' | 'binary';

export interface RelatelRequestOptions {
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	responseType?: ResponseType;
	/** For routes marked `external`: the absolute URL an API response gave us. */
	url?: string;
	/**
	 * Epoch ms by which the request must be over, whatever happens (a poll's time budget):
	 * each attempt's timeout is cut to the time left, and no retry is made (or waited for)
	 * past it. An attempt cut short by it fails with an error `isDeadlineError` recognises.
	 */
	deadline?: number;
	/** Most attempts, when fewer than the retry rules allow (e.g. 1: never retried). */
	maxAttempts?: number;
}

export interface RelatelResponse<T = unknown> {
	body: T;
	headers: IDataObject;
	statusCode: number;
}

/** The credential type chosen by the node's Authentication parameter. */
export function credentialType(ctx: RelatelContext): 'relatelApi' | 'relatelOAuth2Api' {
	return ctx.getNode().parameters.authentication === 'oAuth2' ? 'relatelOAuth2Api' : 'relatelApi';
}

interface CredentialFacts {
	baseUrl: string;
	origin: string;
	/** The credential's secrets, so an error can never quote them back. */
	secrets: string[];
	/**
	 * The access-token credential as read once for this node run, handed to n8n's
	 * httpRequestWithAuthentication with every request: otherwise n8n reads it from its
	 * database and decrypts it again for each item. (OAuth2 stays with n8n's own handling.)
	 */
	decrypted?: ICredentialsDecrypted;
}

/**
 * One credential read per context, not one per item or page. n8n builds a trigger's poll
 * context once per activation and reuses it for every poll, so the trigger calls
 * `forgetCredentials` at the start of each poll: a replaced token (or Base URL) is used from
 * the next poll on.
 */
const facts = new WeakMap<object, Promise<CredentialFacts>>();

function credentialFacts(ctx: RelatelContext): Promise<CredentialFacts> {
	let known = facts.get(ctx);
	if (!known) {
		known = readCredentialFacts(ctx);
		facts.set(ctx, known);
		// A failed read is not kept: the next request tries again.
		known.catch(() => {
			if (facts.get(ctx) === known) facts.delete(ctx);
		});
	}
	return known;
}

/** Drops what was read from the credential for `ctx`: the next request reads it again. */
export function forgetCredentials(ctx: RelatelContext): void {
	facts.delete(ctx);
}

async function readCredentialFacts(ctx: RelatelContext): Promise<CredentialFacts> {
	const type = credentialType(ctx);
	const credentials = await ctx.getCredentials(type);
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const secrets = [credentials.accessToken, credentials.clientSecret, token.access_token, token.refresh_token, token.id_token]
		.filter((value): value is string => typeof value === 'string' && value.length >= 6);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	const reference = ctx.getNode().credentials?.[type];
	const decrypted =
		type === 'relatelApi' && reference?.id ? { id: reference.id, name: reference.name, type, data: credentials } : undefined;
	return { baseUrl, origin: new URL(baseUrl).origin, secrets, decrypted };
}

export async function getBaseUrl(ctx: RelatelContext): Promise<string> {
	return (await credentialFacts(ctx)).baseUrl;
}

/** An error body with every credential secret (should a server ever echo one) blanked out. */
function redact(body: unknown, secrets: string[]): unknown {
	if (secrets.length === 0) return body;
	if (typeof body === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[hidden]'), body);
	if (Array.isArray(body)) return body.map((entry) => redact(entry, secrets));
	if (body && typeof body === 'object') {
		return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, redact(value, secrets)]));
	}
	return body;
}

type ThrownHttpError = {
	httpCode?: unknown;
	response?: { status?: unknown; data?: unknown };
	cause?: { response?: { status?: unknown; data?: unknown }; httpCode?: unknown };
};

/** The HTTP status of an error n8n threw for a response (not for a broken connection). */
function httpStatusOf(error: unknown): number | undefined {
	const err = error as ThrownHttpError;
	const status = Number(err?.response?.status ?? err?.cause?.response?.status ?? err?.httpCode ?? err?.cause?.httpCode);
	return Number.isInteger(status) && status >= 400 && status < 600 ? status : undefined;
}

function responseDataOf(error: unknown): unknown {
	const err = error as ThrownHttpError;
	return err?.response?.data ?? err?.cause?.response?.data;
}

/** A Node.js network error code (ECONNRESET, ETIMEDOUT, …) when the error carries one. */
function explicitNetworkCode(error: unknown): string | undefined {
	const err = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
	const code = err?.cause?.code ?? err?.code;
	if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
	return /timeout/i.test(String(err?.message)) ? 'ETIMEDOUT' : undefined;
}

function networkCode(error: unknown): string {
	return explicitNetworkCode(error) ?? 'ECONNRESET';
}

function parseBody(raw: unknown, responseType: ResponseType): unknown {
	if (responseType === 'binary') return Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
	if (responseType === 'text') return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
	if (raw === undefined || raw === null || raw === '') return {};
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		throw Object.assign(new Error('Invalid JSON'), { code: 'INVALID_RESPONSE' });
	}
}

function errorBodyOf(raw: unknown): unknown {
	if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
	if (typeof raw === 'string') {
		try {
			return JSON.parse(raw);
		} catch {
			return raw;
		}
	}
	return raw;
}

/** Errors thrown because a request's deadline cut it short (RelatelRequestOptions.deadline). */
const deadlineErrors = new WeakSet<object>();

/** Whether `error` is a request cut short by its deadline (not an answer or failure of Relatel's). */
export function isDeadlineError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && deadlineErrors.has(error);
}

function deadlineError(ctx: RelatelContext, route: Route, itemIndex: number | undefined, attempts: number): NodeApiError {
	const error = connectionError(ctx.getNode(), { code: 'ETIMEDOUT', route, itemIndex, attempts: Math.max(1, attempts) });
	deadlineErrors.add(error);
	return error;
}

/** One attempt's limits: its timeout (ms), and a signal that ends it at the deadline. */
interface Attempt {
	timeout: number;
	signal?: AbortSignal;
}

interface RetryOptions {
	itemIndex?: number;
	responseType: ResponseType;
	deadline?: number;
	maxAttempts?: number;
}

/**
 * Sends one request with retries for reads. `send` performs a single HTTP exchange and
 * must not throw on HTTP status (ignoreHttpStatusErrors). With a deadline, each attempt
 * gets at most the time left, and a retry is made only when its wait ends before it.
 */
async function withRetries(
	ctx: RelatelContext,
	route: Route,
	options: RetryOptions,
	send: (attempt: Attempt) => Promise<IN8nHttpFullResponse>,
): Promise<RelatelResponse> {
	const { itemIndex, responseType, deadline } = options;
	const maxAttempts = options.maxAttempts ?? Infinity;
	// Whether a retry after waiting `ms` may still be made.
	const mayRetry = (attempt: number, ms: number) =>
		attempt < maxAttempts && (deadline === undefined || Date.now() + ms < deadline);
	for (let attempt = 1; ; attempt++) {
		const left = deadline === undefined ? TIMEOUT_MS : deadline - Date.now();
		if (left <= 0) throw deadlineError(ctx, route, itemIndex, attempt - 1);
		const limits: Attempt = { timeout: Math.min(TIMEOUT_MS, Math.ceil(left)) };
		// The deadline ends the attempt even while data trickles in (the timeout alone is for silence).
		const capped = limits.timeout < TIMEOUT_MS;
		if (capped) limits.signal = AbortSignal.timeout(limits.timeout);
		let response: IN8nHttpFullResponse;
		let body: unknown;
		try {
			response = await send(limits);
			if (response.statusCode >= 200 && response.statusCode < 300) {
				body = parseBody(response.body, responseType);
				return { body, headers: response.headers as IDataObject, statusCode: response.statusCode };
			}
		} catch (error) {
			// OAuth2 lets n8n see a 401 (so it can refresh the token and resend); when that
			// fails too, the 401 arrives here as a thrown error — or, when there is no refresh
			// token (Relatel issues none), as n8n's "expired and no refresh token" error.
			// Only a 401 is thrown for OAuth2, so any thrown answer means the token is unusable
			// (also when the token URL refused the refresh with its own status).
			const oauthGaveUp = credentialType(ctx) === 'relatelOAuth2Api' && explicitNetworkCode(error) === undefined;
			const thrownStatus = oauthGaveUp && !limits.signal?.aborted ? 401 : httpStatusOf(error);
			if (thrownStatus !== undefined) {
				throw httpError(ctx.getNode(), {
					status: thrownStatus,
					body: redact(errorBodyOf(responseDataOf(error)), (await credentialFacts(ctx)).secrets),
					route,
					itemIndex,
					attempts: attempt,
				});
			}
			const code = networkCode(error);
			if (capped && (limits.signal?.aborted || code === 'ETIMEDOUT' || code === 'ECONNABORTED')) {
				throw deadlineError(ctx, route, itemIndex, attempt);
			}
			const delay = retryDelayMs(attempt);
			if (shouldRetryNetwork(route.method, code, attempt) && mayRetry(attempt, delay)) {
				await sleep(delay);
				continue;
			}
			throw connectionError(ctx.getNode(), { code, route, itemIndex, attempts: attempt });
		}
		const status = response.statusCode;
		const retryAfterSeconds = parseRetryAfter(response.headers?.['retry-after']);
		const waitTooLong = retryAfterSeconds !== undefined && retryAfterSeconds > MAX_RETRY_AFTER_SECONDS;
		const delay = retryDelayMs(attempt, retryAfterSeconds);
		if (shouldRetryStatus(route.method, status, attempt) && !waitTooLong && mayRetry(attempt, delay)) {
			await sleep(delay);
			continue;
		}
		throw httpError(ctx.getNode(), {
			status,
			body: redact(errorBodyOf(response.body), (await credentialFacts(ctx)).secrets),
			route,
			itemIndex,
			attempts: attempt,
			retryAfterSeconds,
		});
	}
}

function httpOptions(
	method: Route['method'],
	url: string,
	options: RelatelRequestOptions,
	oauth2: boolean,
): IHttpRequestOptions {
	const responseType = options.responseType ?? 'json';
	const request: IHttpRequestOptions = {
		method,
		url,
		qs: options.qs,
		body: options.body,
		json: responseType === 'json',
		returnFullResponse: true,
		// Statuses come back as answers for our retry and error handling, except a 401 with
		// OAuth2: n8n must see it as an error to refresh the token and send the request again.
		ignoreHttpStatusErrors: oauth2 ? { ignore: true, except: [401] } : true,
		timeout: TIMEOUT_MS,
		// Relatel wants repeated keys for arrays: numbers[]=1&numbers[]=2
		arrayFormat: 'brackets',
		// A redirect to another host must never carry the token.
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (responseType === 'binary') request.encoding = 'arraybuffer';
	if (responseType === 'text') request.encoding = 'text';
	return request;
}

/**
 * The one way this package talks to Relatel: route from the table, Base URL and token
 * from the credential, retries for reads, plain-words errors carrying the item index.
 */
export async function relatelRequest(
	this: RelatelContext,
	key: RouteKey,
	options: RelatelRequestOptions = {},
): Promise<RelatelResponse> {
	const route: Route = ROUTES[key];
	const credential = await credentialFacts(this);
	const { baseUrl } = credential;
	const url = route.external ? resolveUrl(baseUrl, options.url) : baseUrl + buildPath(key, options.pathParams);
	const responseType = options.responseType ?? 'json';
	const sameHost = !route.external || new URL(url).origin === credential.origin;
	const type = credentialType(this);
	const request = httpOptions(route.method, url, options, type === 'relatelOAuth2Api' && sameHost);
	const retry: RetryOptions = {
		itemIndex: options.itemIndex,
		responseType,
		deadline: options.deadline,
		maxAttempts: options.maxAttempts,
	};
	const decrypted = credential.decrypted;
	return await withRetries(this, route, retry, async ({ timeout, signal }) => {
		const attempt: IHttpRequestOptions = { ...request, timeout };
		if (signal) attempt.abortSignal = signal;
		return sameHost
			? ((await this.helpers.httpRequestWithAuthentication.call(
					this,
					type,
					attempt,
					decrypted && { credentialsDecrypted: { ...decrypted, data: { ...decrypted.data } } },
				)) as IN8nHttpFullResponse)
			: // Another host (a signed recording URL): fetched without the token.
				((await this.helpers.httpRequest(attempt)) as IN8nHttpFullResponse);
	});
}

/** Same as relatelRequest, returning only the parsed JSON body. */
export async function relatelApiRequest(
	this: RelatelContext,
	key: RouteKey,
	options: RelatelRequestOptions = {},
): Promise<IDataObject> {
	return (await relatelRequest.call(this, key, options)).body as IDataObject;
}

function resolveUrl(baseUrl: string, url: string | undefined): string {
	if (!url) throw new Error('An external route needs the URL from the API response');
	return new URL(url, `${baseUrl}/`).toString();
}
