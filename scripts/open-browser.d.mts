/// The command that opens `url` in the default browser on `platform`, or
/// `null` where none can be opened.
export function browserCommand(url: string, platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): { command: string; args: string[] } | null;
/// Opens `url` in the default browser; resolves to whether it could.
export function openBrowser(url: string, platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): Promise<boolean>;
