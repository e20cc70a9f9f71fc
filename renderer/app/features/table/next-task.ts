// One channel while pauses wait: a message is a task of its own. Closed
// once none waits, so that an open port keeps nothing alive (a Node
// process would not exit while one listens).
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/// Resolves in a task of its own, after what the page has waiting (input,
/// a frame): the pause between slices of a long build. Not a timer:
/// Chromium holds a timer set from a timer's task for 4 ms once they nest
/// five deep, and a build of a million rows pauses a hundred times or more.
export function nextTask(): Promise<void> {
  if (!channel) {
    const opened = new MessageChannel();
    opened.port1.onmessage = () => {
      waiting.shift()?.();
      if (waiting.length === 0 && channel === opened) {
        opened.port1.close();
        channel = null;
      }
    };
    channel = opened;
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
