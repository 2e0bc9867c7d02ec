import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { useUrlParams } from './useUrlParams';

const inRouter =
  (url: string) =>
  ({ children }: { children: ReactNode }) =>
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;

describe('useUrlParams', () => {
  it('keeps both of two updates made before the page renders again', () => {
    const { result } = renderHook(() => useUrlParams(), {
      wrapper: inRouter('/?status=failed'),
    });
    // As a debounced field does: both updates from the same render.
    const { update } = result.current;
    act(() => {
      update({ target: 'fraud-detector' });
      update({ actor: 'user:default/bo' });
    });
    expect(result.current.params.toString()).toBe(
      'status=failed&target=fraud-detector&actor=user%3Adefault%2Fbo',
    );
  });

  it('sets the params with a value and removes the empty ones', () => {
    const { result } = renderHook(() => useUrlParams(), {
      wrapper: inRouter('/?a=1&b=2&c=3&d=4'),
    });
    act(() =>
      result.current.update({ a: 'x', b: undefined, c: '', d: null, e: 5 }),
    );
    expect(result.current.params.toString()).toBe('a=x&e=5');
  });
});
