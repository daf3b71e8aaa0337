'use strict';

class HttpError extends Error {
	constructor(status, body, headers) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

function send(res, status, body, headers = {}) {
	res.writeHead(status, headers);
	res.end(body);
}

function sendJson(res, status, payload, headers = {}) {
	if (status === 204 || payload === undefined) return send(res, status === 200 ? 204 : status, undefined, headers);
	send(res, status, JSON.stringify(payload), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const text = Buffer.concat(chunks).toString('utf8');
	if (!text) return undefined;
	const type = req.headers['content-type'] ?? '';
	if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpError(400, { error: 'invalid_json' });
	}
}

module.exports = { HttpError, send, sendJson, readBody };
