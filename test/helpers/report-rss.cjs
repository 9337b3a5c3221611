// Preloaded (`node --require`) into a process under test: when it exits, writes its peak resident
// memory in bytes to the file named by PYTS_TEST_RSS_FILE, so a test can bound the memory of the
// real executable.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.PYTS_TEST_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
