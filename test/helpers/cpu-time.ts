// Opt-in (PYTS_TEST_CPU_LOG=FILE, Linux): appends a JSON line per test file to FILE, with the CPU seconds the
// file cost, its own and those of the processes it started and waited for (translated programs, pyts, tsc,
// python3, Chromium), and its wall seconds. On a shared machine the wall clock says how busy the machine was;
// CPU time says what the file costs, so it is what to compare between two runs.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, expect } from "vitest";

/** utime, stime, cutime and cstime of /proc/self/stat (fields 14 to 17), in clock ticks of 1/100 s. */
function cpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // After "pid (name) ", whose name may hold spaces: field 3 (state) is index 0.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
}

// A setup file runs before the test file is imported, so the import is counted too.
const cpuAtStart = cpuSeconds();
const wallAtStart = performance.now();

afterAll(() => {
  const record = {
    file: expect.getState().testPath,
    cpu: Number((cpuSeconds() - cpuAtStart).toFixed(2)),
    wall: Number(((performance.now() - wallAtStart) / 1000).toFixed(1)),
  };
  appendFileSync(process.env.PYTS_TEST_CPU_LOG!, `${JSON.stringify(record)}\n`);
});
