import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { useAuditFilters } from './useAuditFilters';

describe('useAuditFilters', () => {
  it('keeps both of two updates made before the page renders again', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/?status=failed']}>
        {children}
      </MemoryRouter>
    );
    const { result } = renderHook(() => useAuditFilters(), { wrapper });
    // As two debounced text filters do: both updates from the same render.
    const { update } = result.current;
    act(() => {
      update({ target: 'fraud-detector' });
      update({ actor: 'user:default/bo' });
    });
    expect(result.current.filters).toEqual({
      status: 'failed',
      target: 'fraud-detector',
      actor: 'user:default/bo',
    });
  });
});
