import nock from 'nock';

import { useNock } from '../../helpers/api';
import { BASE_URL, defaultCredentials, runNode, TOKEN } from '../../helpers/harness';

const net = useNock();

const sendSms = { authentication: 'oAuth2', resource: 'message', operation: 'send', toNumbers: '4571999999', body: 'Hej' };

function oauthCredentials(tokenData: Record<string, string>) {
	const credentials = defaultCredentials();
	credentials.relatelOAuth2Api.oauthTokenData = { token_type: 'Bearer', ...tokenData };
	return credentials;
}

describe('OAuth2: a 401 lets n8n refresh the token', () => {
	it('refreshes with the refresh token and sends the request again with the new token', async () => {
		const relatel = nock(BASE_URL);
		relatel.post('/messages').matchHeader('authorization', `Bearer ${TOKEN}`).reply(401, { error: 'invalid_token' });
		relatel
			.post('/token', (body: Record<string, string>) => body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1')
			.reply(200, { access_token: 'fresh-oauth-token', refresh_token: 'refresh-2', token_type: 'Bearer', expires_in: 7200 });
		relatel
			.post('/messages', { message: { body: 'Hej' }, to_numbers: ['4571999999'] })
			.matchHeader('authorization', 'Bearer fresh-oauth-token')
			.reply(200, { sent: 1, failed_numbers: [] });

		const { items, error } = await runNode({
			parameters: sendSms,
			credentials: oauthCredentials({ access_token: TOKEN, refresh_token: 'refresh-1' }),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ sent: 1 });
		expect(net.unmatched()).toEqual([]);
	});

	it('without a refresh token (Relatel issues none) the 401 is the plain-words error, sent once', async () => {
		nock(BASE_URL).post('/messages').once().reply(401, { error: 'invalid_token' });

		const { error } = await runNode({ parameters: sendSms, credentials: oauthCredentials({ access_token: TOKEN }) });

		expect(error?.message).toBe('The Relatel token was revoked or is invalid');
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	it('other statuses are still Relatel answers: a 503 on a GET is retried with OAuth2 too', async () => {
		const relatel = nock(BASE_URL);
		relatel.get('/employee').reply(503, {}, { 'retry-after': '0' });
		relatel.get('/employee').reply(200, { employee: { id: 1, name: 'Jane Doe' } });

		const { items, error } = await runNode({
			parameters: { authentication: 'oAuth2', resource: 'employee', operation: 'getCurrent' },
			credentials: oauthCredentials({ access_token: TOKEN }),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 1, name: 'Jane Doe' });
	});
});
