import nock from 'nock';
import type { IDataObject, INodeParameters, Logger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { BASE_URL, defaultCredentials, runNode, type RunResult } from '../helpers/harness';

/**
 * No secret of a credential — access token, OAuth2 client secret, access or refresh token —
 * appears in an error message or description, a log line or an output item, whatever goes
 * wrong (401, 403, 5xx, a server that echoes the Authorization header, broken connections,
 * unreadable answers), with and without Continue On Fail, for both credential types. And
 * the token never travels to another host: not to a recording's file host, not along a
 * redirect. (The same is checked in real n8n by test/e2e/secrets.e2e.test.mjs.)
 */

/** Made-up values planted in the credentials, easy to search for in everything the run shows. */
const planted = (kind: string) => `${kind}-PLANTED-${kind.length}f3a9c1e5b2d`;
const ACCESS_TOKEN = planted('access');
const CLIENT_SECRET = planted('client');
const OAUTH_TOKEN = planted('oauth');
const REFRESH_TOKEN = planted('refresh');
const SECRETS = [ACCESS_TOKEN, CLIENT_SECRET, OAUTH_TOKEN, REFRESH_TOKEN];
const FILE_HOST = 'https://files.relatel-cdn.test';
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(7), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(32, 1)]);

const base = defaultCredentials();
const credentials = {
	relatelApi: { ...base.relatelApi, accessToken: ACCESS_TOKEN },
	relatelOAuth2Api: {
		...base.relatelOAuth2Api,
		clientSecret: CLIENT_SECRET,
		oauthTokenData: { access_token: OAUTH_TOKEN, refresh_token: REFRESH_TOKEN, token_type: 'Bearer' },
	},
};

const AUTHS = [
	['access token', 'accessToken', ACCESS_TOKEN],
	['OAuth2', 'oAuth2', OAUTH_TOKEN],
] as const;

/** Everything n8n-core logs, at every level, while the node runs. */
const logLines: string[] = [];
const capture = (level: string) => (message: string, meta?: unknown) => {
	logLines.push(`${level} ${message} ${safeJson(meta)}`);
};
const logger: Logger = { error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug') };

function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, (_key, entry: unknown) => {
			if (entry instanceof Error) {
				return { ...entry, name: entry.name, message: entry.message, stack: entry.stack, cause: (entry as { cause?: unknown }).cause };
			}
			if (entry && typeof entry === 'object') {
				if (seen.has(entry)) return '[circular]';
				seen.add(entry);
			}
			return entry;
		}) ?? ''
	);
}

/** Every text a user or an operator could see: error fields, output items, the run data, the log. */
function everythingVisible(result: RunResult): string {
	const error = result.error as (RunResult['error'] & { cause?: unknown; errorResponse?: unknown }) | undefined;
	return [
		error?.message,
		error?.description,
		error?.stack,
		safeJson(error),
		safeJson(error?.context),
		safeJson(error?.cause),
		safeJson(error?.errorResponse),
		safeJson(result.items),
		safeJson(result.run),
		...logLines,
	].join('\n');
}

interface Scenario {
	name: string;
	parameters: INodeParameters;
	/** Sets up what "Relatel" does; `token` is the one the request must carry. */
	mock: (token: string) => void;
	/** Our plain-words message for the failure (undefined: the run succeeds). */
	message?: string;
}

const sendSms = { resource: 'message', operation: 'send', toNumbers: '+45 71 99 99 99', body: 'Hej' };
const getContact = { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '2001' } };
const api = (token: string) => nock(BASE_URL, { reqheaders: { authorization: `Bearer ${token}` } });

/** A broken connection whose low-level message quotes the token (as a proxy's might). */
const resetError = (message: string) => Object.assign(new Error(message), { code: 'ECONNRESET' });

const SCENARIOS: Scenario[] = [
	{
		name: 'HTTP 401 on Send SMS',
		parameters: sendSms,
		mock: (token) => {
			api(token).post('/messages').reply(401, { error: 'invalid_token', error_description: 'The access token is invalid' });
			// With OAuth2, n8n tries the refresh token first (sending the client secret and the
			// refresh token to the token URL); Relatel refuses it.
			if (token === OAUTH_TOKEN) {
				nock(BASE_URL)
					.post('/token', (body: Record<string, string>) => body.refresh_token === REFRESH_TOKEN)
					.reply(400, { error: 'invalid_grant', error_description: `refresh token ${REFRESH_TOKEN} is revoked` });
			}
		},
		message: 'The Relatel token was revoked or is invalid',
	},
	{
		name: 'HTTP 500 on Get Contact',
		parameters: getContact,
		mock: (token) => api(token).get('/contacts/2001').reply(500, { error: 'internal_error' }),
		message: 'Relatel had a problem on its side (HTTP 500)',
	},
	{
		name: 'HTTP 503 four times (retried) on Get Contact',
		parameters: getContact,
		mock: (token) => api(token).get('/contacts/2001').times(4).reply(503, { error: 'unavailable' }, { 'retry-after': '0' }),
		message: 'Relatel had a problem on its side (HTTP 503)',
	},
	{
		name: 'HTTP 422 whose body echoes the Authorization header',
		parameters: sendSms,
		mock: (token) =>
			api(token)
				.post('/messages')
				.reply(function () {
					return [422, { error: `header Authorization: ${String(this.req.headers.authorization)} not accepted here` }];
				}),
		message: 'Relatel could not accept the data: header Authorization: Bearer [hidden] not accepted here',
	},
	{
		name: 'HTTP 403 whose body quotes the bare token',
		parameters: getContact,
		mock: (token) => api(token).get('/contacts/2001').reply(403, { message: `token ${token} lacks the Switch product` }),
		message: "Your Relatel account can't do this: a product, feature or permission is missing",
	},
	{
		name: 'HTTP 502 plain-text proxy page that dumps the request headers (retried)',
		parameters: getContact,
		mock: (token) =>
			api(token)
				.get('/contacts/2001')
				.times(4)
				.reply(502, `Bad gateway. Request headers: authorization=${token}; Authorization: Bearer ${token}`, { 'content-type': 'text/plain', 'retry-after': '0' }),
		message: 'Relatel had a problem on its side (HTTP 502)',
	},
	{
		name: 'connection reset on Send SMS (not resent)',
		parameters: sendSms,
		mock: (token) => api(token).post('/messages').replyWithError(resetError(`socket hang up (Authorization: Bearer ${token})`)),
		message: 'The connection to Relatel broke off',
	},
	{
		name: 'connection reset four times on Get Contact (retried)',
		parameters: getContact,
		mock: (token) => api(token).get('/contacts/2001').times(4).replyWithError(resetError(`reset ${token}`)),
		message: 'The connection to Relatel broke off',
	},
	{
		name: 'truncated JSON four times on Get Contact (retried)',
		parameters: getContact,
		mock: (token) => api(token).get('/contacts/2001').times(4).reply(200, '{"contact": {"id": 2001, "na', { 'content-type': 'application/json' }),
		message: 'Relatel sent an answer n8n could not read',
	},
	{
		name: 'a redirect from the API host to another host (Download Audio)',
		parameters: { resource: 'voicemail', operation: 'downloadAudio', voicemailId: '812' },
		mock: (token) => {
			api(token).get('/voice_mails/812/sound').reply(302, '', { location: `${FILE_HOST}/voicemails/812.mp3?signature=s` });
			// Answers only a request without an Authorization header; anything else is unmatched.
			nock(FILE_HOST, { badheaders: ['authorization'] }).get('/voicemails/812.mp3').query({ signature: 's' }).reply(200, MP3);
		},
	},
	{
		name: 'a recording on another host (Download Recording)',
		parameters: { resource: 'call', operation: 'downloadRecording', callId: '45981120-324b-0132-d3ef-14dae9edd21d' },
		mock: (token) => {
			api(token)
				.get('/calls/45981120-324b-0132-d3ef-14dae9edd21d')
				.reply(200, {
					call: {
						call_uuid: '45981120-324b-0132-d3ef-14dae9edd21d',
						recording: { id: 301, expired: false, duration: 10, sound: { formats: ['audio/mpeg'], url: `${FILE_HOST}/recordings/301.mp3?signature=sig` } },
					},
				});
			nock(FILE_HOST, { badheaders: ['authorization'] }).get('/recordings/301.mp3').query({ signature: 'sig' }).reply(200, MP3);
		},
	},
];

/** Requests nock had no interceptor for: a token-carrying request to the file host lands here. */
const unmatched: string[] = [];
const onMiss = (req: { method?: string; path?: string; headers?: IDataObject }) =>
	unmatched.push(`${req.method} ${req.path} ${safeJson(req.headers)}`);

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.emitter.on('no match', onMiss);
});
afterAll(() => {
	nock.emitter.removeListener('no match', onMiss);
	nock.restore();
});
beforeEach(() => {
	nock.disableNetConnect();
	unmatched.length = 0;
	logLines.length = 0;
	// n8n-core installs its own logger once it runs; ours goes back in before every run.
	LoggerProxy.init(logger);
});
afterEach(() => {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	expect(pending).toEqual([]);
});

describe('no secret in errors, logs or output; no token off the API host', () => {
	const cases = SCENARIOS.flatMap((scenario) =>
		AUTHS.flatMap(([authName, authentication, token]) =>
			[false, true].map((continueOnFail) => [`${scenario.name} · ${authName} · ${continueOnFail ? 'Continue On Fail' : 'stop on error'}`, scenario, authentication, token, continueOnFail] as const),
		),
	);

	it.each(cases)('%s', async (_name, scenario, authentication, token, continueOnFail) => {
		scenario.mock(token);
		const result = await runNode({
			parameters: { ...scenario.parameters, authentication },
			credentials,
			continueOnFail,
		});

		// The failure is there, in our words.
		if (scenario.message === undefined) {
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
		} else if (continueOnFail) {
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.error).toBe(scenario.message);
		} else {
			expect(result.error?.message).toBe(scenario.message);
		}
		expect(unmatched).toEqual([]);
		// n8n-core did log the run (so this check looks at something).
		expect(logLines.length).toBeGreaterThan(0);

		const visible = everythingVisible(result);
		for (const secret of SECRETS) expect(visible).not.toContain(secret);
	});
});
