import { parseCpu, parseMemory } from './quantities';

describe('quantities', () => {
  it.each([
    ['2', 2000],
    ['0.5', 500],
    ['1.25', 1250],
    ['250m', 250],
    ['lots', undefined],
    ['1.2345', undefined],
    ['-1', undefined],
    ['', undefined],
  ])('cpu %s is %s millicores', (value, millis) => {
    expect(parseCpu(value)).toBe(millis);
  });

  it.each([
    ['512Mi', 512 * 2 ** 20],
    ['4Gi', 4 * 2 ** 30],
    ['1G', 1e9],
    ['1000', 1000],
    ['1.5Gi', undefined],
    ['4GB', undefined],
  ])('memory %s is %s bytes', (value, bytes) => {
    expect(parseMemory(value)).toBe(bytes);
  });
});
