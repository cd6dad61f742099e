export { startPlayground, DEFAULT_PLAYGROUND_PORT, type PlaygroundLogger, type PlaygroundOptions, type RunningPlayground } from './playground';
export { MOCK_TENANT, MOCK_USERS, type MockUser } from './mock-tenant';
