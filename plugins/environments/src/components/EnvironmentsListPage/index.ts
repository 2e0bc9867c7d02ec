export { EnvironmentsListPage } from './EnvironmentsListPage';
