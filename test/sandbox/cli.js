#!/usr/bin/env node
'use strict';
/** Runs the sandbox on its own: `node test/sandbox/cli.js [--port 4010] [--token T]`. */
const { startSandbox } = require('./server');

function arg(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : (process.env[`SANDBOX_${name.toUpperCase()}`] ?? fallback);
}

startSandbox({ port: Number(arg('port', 4010)), token: arg('token', 'sandbox-token') }).then((sandbox) => {
	console.log(`Relatel sandbox on ${sandbox.baseUrl} (token: ${sandbox.state.accessToken})`);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
