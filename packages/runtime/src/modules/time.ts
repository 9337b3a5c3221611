// Python's `time` module: clocks, a blocking `sleep`, and `strftime` in the C locale.
import { ValueError } from "../exceptions.js";
import { mkFloat } from "../numbers.js";
import { monotonic as loopClock } from "../asyncio/loop.js";
import { nodeProcess } from "../host.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./time.js";

let lastTime = 0;

/**
 * Seconds since the epoch, as a float. Each call returns more than the one before: a browser coarsens
 * its clock (to 0.1 ms or more), so two calls could return the same value where CPython's differ, and
 * `while time() < start + d: ...` followed by `time() - start >= d` would then be False.
 */
export function time(): number {
  let now = (performance.timeOrigin + performance.now()) / 1000;
  if (now <= lastTime) now = lastTime + 1e-6;
  lastTime = now;
  return mkFloat(now);
}

export function time_ns(): number | bigint {
  const ns = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
  return Number.isSafeInteger(Number(ns)) ? Number(ns) : ns;
}

/** The clock `asyncio` loops use (`loop.time()`). */
export function monotonic(): number {
  return mkFloat(loopClock());
}

export function monotonic_ns(): number {
  return Math.round(loopClock() * 1e9);
}

export function perf_counter(): number {
  return mkFloat(loopClock());
}

export function perf_counter_ns(): number {
  return Math.round(loopClock() * 1e9);
}

/** The process's CPU time in Node; a browser does not tell it, so there the clock of `perf_counter`. */
export function process_time(): number {
  if (nodeProcess === undefined) return mkFloat(performance.now() / 1000);
  const u = nodeProcess.cpuUsage();
  return mkFloat((u.user + u.system) / 1e6);
}

let sleepCell: Int32Array | null = null;

/**
 * `time.sleep(secs)`: blocks the whole program, the event loop included, as in CPython. Waits on an
 * Atomics cell where the host allows it (Node, a Web Worker), else spins on the clock (a browser's main
 * thread may not wait, and without cross-origin isolation has no SharedArrayBuffer).
 */
export function sleep(secs: unknown): null {
  const s = Number(secs);
  if (Number.isNaN(s)) throw new ValueError("Invalid value NaN (not a number)");
  if (s < 0) throw new ValueError("sleep length must be non-negative");
  if (sleepCell === null && typeof SharedArrayBuffer === "function") sleepCell = new Int32Array(new SharedArrayBuffer(4));
  const end = performance.now() + s * 1000;
  for (;;) {
    const left = end - performance.now();
    if (left <= 0) break;
    if (sleepCell === null) continue;
    try {
      Atomics.wait(sleepCell, 0, 0, left);
    } catch {
      sleepCell = null;
    }
  }
  return null;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function pad(n: number, width = 2, fill = "0"): string {
  return String(n).padStart(width, fill);
}

/** Minimal `struct_time`: an array of the nine fields, with CPython's attribute names. */
export interface StructTime extends ReadonlyArray<number> {
  tm_year: number;
  tm_mon: number;
  tm_mday: number;
  tm_hour: number;
  tm_min: number;
  tm_sec: number;
  tm_wday: number;
  tm_yday: number;
  tm_isdst: number;
}

function structTime(d: Date, utc: boolean): StructTime {
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const mon = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const mday = utc ? d.getUTCDate() : d.getDate();
  const hour = utc ? d.getUTCHours() : d.getHours();
  const min = utc ? d.getUTCMinutes() : d.getMinutes();
  const sec = utc ? d.getUTCSeconds() : d.getSeconds();
  const wday = ((utc ? d.getUTCDay() : d.getDay()) + 6) % 7; // Python: Monday is 0
  const yday = Math.floor((Date.UTC(year, mon - 1, mday) - Date.UTC(year, 0, 1)) / 86400000) + 1;
  const fields = [year, mon, mday, hour, min, sec, wday, yday, utc ? 0 : -1];
  const names = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
  const st = Object.freeze(Object.assign([...fields], Object.fromEntries(names.map((n, i) => [n, fields[i]]))));
  return st as unknown as StructTime;
}

export function localtime(secs: unknown = null): StructTime {
  return structTime(new Date(secs === null || secs === undefined ? Date.now() : Number(secs) * 1000), false);
}

export function gmtime(secs: unknown = null): StructTime {
  return structTime(new Date(secs === null || secs === undefined ? Date.now() : Number(secs) * 1000), true);
}

/**
 * `time.strftime(format, t=localtime())` in the C locale: %a %A %b %B %c %d %H %I %j %m %M %p
 * %S %w %y %Y %x %X %Z %z %%.
 */
export function strftime(format: string, t: StructTime | null = null): string {
  const st = t ?? localtime();
  const [year, mon, mday, hour, min, sec, wday, yday] = st as unknown as number[];
  const sunday0 = (wday! + 1) % 7;
  const hour12 = hour! % 12 === 0 ? 12 : hour! % 12;
  const now = new Date();
  return format.replace(/%(.)/gs, (all, c: string) => {
    switch (c) {
      case "a":
        return DAYS[sunday0]!.slice(0, 3);
      case "A":
        return DAYS[sunday0]!;
      case "b":
      case "h":
        return MONTHS[mon! - 1]!.slice(0, 3);
      case "B":
        return MONTHS[mon! - 1]!;
      case "c":
        return `${DAYS[sunday0]!.slice(0, 3)} ${MONTHS[mon! - 1]!.slice(0, 3)} ${pad(mday!, 2, " ")} ${pad(hour!)}:${pad(min!)}:${pad(sec!)} ${year}`;
      case "d":
        return pad(mday!);
      case "e":
        return pad(mday!, 2, " ");
      case "H":
        return pad(hour!);
      case "I":
        return pad(hour12);
      case "j":
        return pad(yday!, 3);
      case "m":
        return pad(mon!);
      case "M":
        return pad(min!);
      case "p":
        return hour! < 12 ? "AM" : "PM";
      case "S":
        return pad(sec!);
      case "w":
        return String(sunday0);
      case "y":
        return pad(year! % 100);
      case "Y":
        return String(year);
      case "x":
        return `${pad(mon!)}/${pad(mday!)}/${pad(year! % 100)}`;
      case "X":
        return `${pad(hour!)}:${pad(min!)}:${pad(sec!)}`;
      case "D":
        return `${pad(mon!)}/${pad(mday!)}/${pad(year! % 100)}`;
      case "T":
        return `${pad(hour!)}:${pad(min!)}:${pad(sec!)}`;
      case "F":
        return `${year}-${pad(mon!)}-${pad(mday!)}`;
      case "R":
        return `${pad(hour!)}:${pad(min!)}`;
      case "z": {
        const off = -now.getTimezoneOffset();
        return `${off < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
      }
      case "Z":
        return (
          Intl.DateTimeFormat("en-US", { timeZoneName: "short" })
            .formatToParts(now)
            .find((p) => p.type === "timeZoneName")?.value ?? "UTC"
        );
      case "%":
        return "%";
      default:
        return all;
    }
  });
}

/** `time.ctime(secs=None)`: `Tue Nov 24 03:33:38 2026`. */
export function ctime(secs: unknown = null): string {
  return strftime("%a %b %e %H:%M:%S %Y", localtime(secs));
}

/** `time.asctime(t=localtime())`: `Tue Nov 24 03:33:38 2026`. */
export function asctime(t: StructTime | null = null): string {
  return strftime("%a %b %e %H:%M:%S %Y", t);
}

/** `time.mktime(t)`: the inverse of `localtime`, as a float. */
export function mktime(t: StructTime): number {
  const [year, mon, mday, hour, min, sec] = t as unknown as number[];
  return mkFloat(new Date(year!, mon! - 1, mday!, hour!, min!, sec!).getTime() / 1000);
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "time";

moduleFunctions("time", thisModule);
