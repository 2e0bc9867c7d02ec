export { authModuleRunwaySignIn as default } from './module';
export { catalogUserMatchingEmail } from './catalogUserMatchingEmail';
