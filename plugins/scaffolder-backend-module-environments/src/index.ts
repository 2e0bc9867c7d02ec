export { scaffolderModuleEnvironments as default } from './module';
