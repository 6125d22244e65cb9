// The one supervision policy both kernel hosts use, on a fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INTERRUPT_EVERY_MS, KILL_AFTER_MS, STOP_KILL_AFTER_MS, Watchdog, watchdogPlan } from '../../src/kernel/watchdog.ts';

function watched(interruptible = true) {
  const events: string[] = [];
  const dog = new Watchdog({
    interrupt: interruptible ? () => events.push(`interrupt@${Date.now()}`) : null,
    giveUp: (reason) => events.push(`${reason}@${Date.now()}`),
  });
  return { dog, events };
}

describe('the watchdog', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('interrupts at the budget, again every second, and gives up on the interpreter later', () => {
    const { dog, events } = watched();
    dog.arm(2);
    vi.advanceTimersByTime(1999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(2000 + KILL_AFTER_MS);
    expect(events[0]).toBe('interrupt@2000');
    expect(events[1]).toBe(`interrupt@${2000 + INTERRUPT_EVERY_MS}`);
    expect(events.at(-1)).toBe(`timeout@${2000 + KILL_AFTER_MS}`);
    const count = events.length;
    vi.advanceTimersByTime(60_000);
    expect(events.length).toBe(count); // nothing after giving up
  });

  it("answers a reader's Stop at once and gives up sooner", () => {
    const { dog, events } = watched();
    dog.arm(60);
    expect(dog.stop()).toBe(true);
    expect(events).toEqual(['interrupt@0']);
    vi.advanceTimersByTime(STOP_KILL_AFTER_MS);
    expect(events.at(-1)).toBe(`stopped@${STOP_KILL_AFTER_MS}`);
  });

  it('replaces an interpreter that cannot be interrupted at once', () => {
    const { dog, events } = watched(false);
    dog.arm(1);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['timeout@1000']);
    const other = watched(false);
    expect(other.dog.stop()).toBe(false);
    expect(other.events).toEqual(['stopped@1000']);
  });

  it('does nothing once the cell has ended', () => {
    const { dog, events } = watched();
    dog.arm(1);
    dog.disarm();
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual([]);
  });

  it('caps a huge budget below what a timer can hold', () => {
    expect(watchdogPlan(1e12).killMs).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(watchdogPlan(Number.NaN).interruptMs).toBe(0);
  });
});
