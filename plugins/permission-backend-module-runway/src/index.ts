export { permissionModuleRunwayPolicy as default } from './module';
export { RunwayPermissionPolicy } from './RunwayPermissionPolicy';
export type { RunwayPolicyOptions } from './RunwayPermissionPolicy';
export { roles } from './roles';
export type { Role } from './roles';
