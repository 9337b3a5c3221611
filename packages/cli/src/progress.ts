// A one-line progress indicator for large batches, only on an interactive terminal (never when stderr
// is piped, under CI, or with --quiet), erased when the batch ends.
export class Progress {
  private readonly enabled: boolean;
  private readonly stream: NodeJS.WriteStream;
  private count = 0;

  /** How many files have been ticked. */
  get done(): number {
    return this.count;
  }

  constructor(
    private readonly total: number,
    quiet: boolean,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    const ci = process.env["CI"] !== undefined && process.env["CI"] !== "" && process.env["CI"] !== "false";
    this.enabled = total >= 20 && !quiet && !ci && stream.isTTY === true;
    this.stream = stream;
  }

  tick(file: string): void {
    this.count++;
    if (!this.enabled) return;
    const line = `pyts: ${this.count}/${this.total} ${file}`;
    const width = this.stream.columns ?? 80;
    this.stream.write(`\r\x1b[K${line.length >= width ? line.slice(0, width - 1) : line}`);
  }

  /** Clears the line; call before printing anything else and at the end. */
  clear(): void {
    if (this.enabled) this.stream.write("\r\x1b[K");
  }
}
