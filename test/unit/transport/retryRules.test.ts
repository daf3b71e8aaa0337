import nock from 'nock';

import { useNock } from '../../helpers/api';
import { BASE_URL, runNode, TOKEN } from '../../helpers/harness';

/**
 * Which failures are tried again. A write (SMS, call, order) is resent only when the
 * connection was refused, which proves nothing reached Relatel; a read is also retried when
 * the connection broke off. A host name that does not exist is retried for neither.
 */
const net = useNock();

const sendSms = { resource: 'message', operation: 'send', toNumbers: '+45 71 99 99 99', body: 'Hej' };
const getContact = { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '2001' } };

function networkError(code: string) {
	return Object.assign(new Error(`${code} while connecting`), { code });
}

function relatel() {
	return nock(BASE_URL, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
}

describe('retry rules by failure', () => {
	it('a refused connection on Send SMS: nothing reached Relatel, so it is sent again and delivered once', async () => {
		let delivered = 0;
		relatel().post('/messages').replyWithError(networkError('ECONNREFUSED'));
		relatel()
			.post('/messages')
			.reply(200, () => {
				delivered += 1;
				return { sent: 1, failed_numbers: [] };
			});

		const { items, error } = await runNode({ parameters: sendSms });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ sent: 1 });
		expect(delivered).toBe(1);
		expect(net.unmatched()).toEqual([]);
	});

	it('a connection that broke off on Send SMS is not sent again, and the error says it may have been sent', async () => {
		relatel().post('/messages').once().replyWithError(networkError('ECONNRESET'));

		const { error } = await runNode({ parameters: sendSms });

		expect(error?.message).toBe('The connection to Relatel broke off');
		expect(String(error?.description)).toMatch(/may already have been carried out/);
		expect(net.unmatched()).toEqual([]);
	});

	it.each([
		['Send SMS', sendSms, 'post', '/messages'],
		['Get Contact', getContact, 'get', '/contacts/2001'],
	] as const)('a host name that does not exist is tried once on %s', async (_name, parameters, method, path) => {
		relatel()[method](path).once().replyWithError(networkError('ENOTFOUND'));

		const { error } = await runNode({ parameters });

		expect(error).toBeDefined();
		expect(error?.context?.itemIndex).toBe(0);
		expect(net.unmatched()).toEqual([]);
	});

	it('a passing DNS failure (EAI_AGAIN) on Get Contact is retried', async () => {
		relatel().get('/contacts/2001').replyWithError(networkError('EAI_AGAIN'));
		relatel().get('/contacts/2001').reply(200, { contact: { id: 2001, name: 'Jens' } });

		const { items, error } = await runNode({ parameters: getContact });

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 2001, name: 'Jens' });
	});
});
