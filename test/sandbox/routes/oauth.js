'use strict';
/**
 * OAuth 2.0 authorization code flow, as Relatel documents it: /authorize redirects back
 * with ?code=, POST /token exchanges it for { access_token }. The sandbox approves at
 * once (no login page) and the issued token works like the access token.
 */
const { HttpError } = require('../http');

const CLIENT_ID = 'sandbox-client';
const CLIENT_SECRET = 'sandbox-secret';

function authorize({ state, query, res }) {
	const redirect = query.get('redirect_uri');
	if (query.get('client_id') !== CLIENT_ID || !redirect) throw new HttpError(400, { error: 'invalid_client' });
	const code = `code-${state.nextId('oauthCode')}`;
	state.oauthCodes = state.oauthCodes ?? new Map();
	state.oauthCodes.set(code, redirect);
	const target = new URL(redirect);
	target.searchParams.set('code', code);
	if (query.get('state')) target.searchParams.set('state', query.get('state'));
	res.writeHead(302, { location: target.toString() });
	res.end();
}

function token({ state, query, body, req }) {
	const params = { ...Object.fromEntries(query), ...(body ?? {}) };
	const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
	if (basic) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString().split(':');
		params.client_id = decodeURIComponent(id);
		params.client_secret = decodeURIComponent(secret);
	}
	if (params.client_id !== CLIENT_ID || params.client_secret !== CLIENT_SECRET) {
		throw new HttpError(401, { error: 'invalid_client' });
	}
	if (params.grant_type !== 'authorization_code' || !state.oauthCodes?.has(params.code)) {
		throw new HttpError(400, { error: 'invalid_grant' });
	}
	state.oauthCodes.delete(params.code);
	const accessToken = `oauth-${state.nextId('oauthToken')}-${Math.random().toString(36).slice(2)}`;
	state.tokens.add(accessToken);
	state.oauthTokens = [...(state.oauthTokens ?? []), accessToken];
	return { access_token: accessToken, token_type: 'Bearer' };
}

module.exports = {
	CLIENT_ID,
	CLIENT_SECRET,
	routes: [
		['GET', '/authorize', authorize, { public: true }],
		['POST', '/token', token, { public: true }],
	],
};
