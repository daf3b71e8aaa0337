/**
 * When a failed request may be sent again. Only reads (GET) are retried: a POST, PUT or
 * DELETE that may have reached Relatel is never resent, so an SMS or an order cannot
 * happen twice. The one exception is a refused connection, which proves nothing was sent.
 */
import type { HttpMethod } from './routes';

export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 400;
/** Longest Retry-After we honour by waiting; a longer one fails the item with the advice. */
export const MAX_RETRY_AFTER_SECONDS = 30;

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
	'INVALID_RESPONSE',
]);
/**
 * Passing failures that prove the request never left this machine (the connection was
 * refused, the host name could not be looked up for now): safe to retry for every method.
 * ENOTFOUND (the host name does not exist) is not passing, so it is retried for none.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

export function shouldRetryStatus(method: HttpMethod, status: number, attempt: number): boolean {
	return method === 'GET' && attempt < MAX_ATTEMPTS && RETRYABLE_STATUS.has(status);
}

export function shouldRetryNetwork(method: HttpMethod, code: string, attempt: number): boolean {
	if (attempt >= MAX_ATTEMPTS) return false;
	if (method === 'GET') return RETRYABLE_NETWORK.has(code);
	return NEVER_SENT.has(code);
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), if any. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Exponential backoff (0.4 s, 0.8 s, 1.6 s), or Relatel's Retry-After when it gave one. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
	if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000;
	return BASE_DELAY_MS * 2 ** (attempt - 1);
}
