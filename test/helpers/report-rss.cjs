// Preloaded (`node --require`) into a process under test: when it exits, writes its peak resident
// memory in bytes and the CPU time it used in milliseconds (user and system, all threads), as JSON,
// to the file named by PYTS_TEST_RSS_FILE, so a test can bound the cost of the real executable
// without depending on how busy the machine is.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.PYTS_TEST_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ rss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
