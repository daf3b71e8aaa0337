// n8n-core logs every node error at info level through winston; the tests assert errors
// themselves, so keep the output readable.
process.env.N8N_LOG_LEVEL = 'silent';
