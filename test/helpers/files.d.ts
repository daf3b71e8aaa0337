export function readRepoFile(relative: string): string;
export function writeRepoFile(relative: string, text: string): void;
export function updateRequested(): boolean;
