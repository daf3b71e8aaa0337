'use strict';
/**
 * The "file host": recordings and voicemail audio behind signed URLs, like Relatel's.
 * It refuses requests that carry an Authorization header (and logs them), so a test can
 * prove the token never leaves the API host.
 */
const { send, sendJson } = require('./http');

// A tiny valid MP3 frame header + padding: enough for mime sniffing and byte checks.
function fakeMp3(seed) {
	const header = Buffer.from([0xff, 0xfb, 0x90, 0x64]);
	return Buffer.concat([Buffer.from('ID3'), Buffer.alloc(7), header, Buffer.alloc(400, seed % 256)]);
}

function serve(state, req, res, url) {
	if (req.headers.authorization) {
		state.tokenLeaks = (state.tokenLeaks ?? 0) + 1;
		return sendJson(res, 400, { error: 'authorization_header_not_allowed' });
	}
	const match = /^\/files\/recordings\/(\d+)\.mp3$/.exec(url.pathname);
	if (!match || url.searchParams.get('signature') !== `sig-${match[1]}`) {
		return sendJson(res, 403, { error: 'bad_signature' });
	}
	return send(res, 200, fakeMp3(Number(match[1])), { 'content-type': 'audio/mpeg' });
}

module.exports = { serve, fakeMp3 };
