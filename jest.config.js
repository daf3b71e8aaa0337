/** Unit tests: the nodes run inside n8n-core's real WorkflowExecute, HTTP mocked by nock. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	testTimeout: 30000,
	setupFiles: ['<rootDir>/test/helpers/jest.setup.js'],
};
