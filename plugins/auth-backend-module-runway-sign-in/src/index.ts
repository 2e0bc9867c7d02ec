export { authModuleRunwaySignIn as default } from './module';
export { catalogUserMatchingEmail } from './catalogUserMatchingEmail';
export {
  DEV_USER_HEADER,
  DEV_USER_PROVIDER_ID,
  readDevUserSettings,
} from './devUser/devUserSettings';
export type { DevUser } from './devUser/devUserSettings';
