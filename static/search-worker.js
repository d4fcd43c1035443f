// Runs one regular-expression search off the main thread, so that a pattern that backtracks
// for ever (such as (a+)+$ on a long text) never freezes the page: the page gives it a time
// budget and ends this worker when it is over. Posts the matches as UTF-16 [start, end] pairs.
self.onmessage = (event) => {
  const { pattern, text, limit } = event.data;
  try {
    const re = new RegExp(pattern, 'giu');
    const found = [];
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        // An empty match would find itself for ever.
        re.lastIndex += 1;
        continue;
      }
      found.push(m.index, m.index + m[0].length);
      if (found.length > limit * 2) break;
    }
    self.postMessage({ found });
  } catch (error) {
    self.postMessage({ error: String(error && error.message) });
  }
};
