// One channel for every pause: a message is a task of its own.
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/// Resolves in a task of its own, after what the page has waiting (input,
/// a frame): the pause between slices of a long build. Not a timer:
/// Chromium holds a timer set from a timer's task for 4 ms once they nest
/// five deep, and a build of a million rows pauses a hundred times or more.
export function nextTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
