export { startPlayground } from './playground';
export { MOCK_TENANT, MOCK_USERS } from './mock-tenant';
