import { Route, Routes } from 'react-router-dom';
import { EnvironmentsListPage } from './EnvironmentsListPage';
import { EnvironmentPage } from './EnvironmentPage';
import { FleetPage } from './FleetPage';

/** Everything under the environments page: the list, the fleet view and one environment. */
export const EnvironmentsRoutes = () => (
  <Routes>
    <Route path="/" element={<EnvironmentsListPage />} />
    <Route path="/fleet" element={<FleetPage />} />
    <Route path="/:id" element={<EnvironmentPage />} />
  </Routes>
);
