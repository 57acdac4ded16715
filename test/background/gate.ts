/** A promise that opens once `count` parties have arrived: concurrent runs overlap for sure, without timers. */
export function gate(count: number): { arrive: () => Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let arrived = 0;
  return {
    arrive: () => {
      if (++arrived === count) open();
      return opened;
    },
  };
}
