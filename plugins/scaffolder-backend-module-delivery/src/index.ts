export { scaffolderModuleDelivery as default } from './module';
