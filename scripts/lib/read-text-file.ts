// Reading a file named on a command line (the estimate and check-log CLIs): the path is untrusted input, so only a
// regular file of bounded size is read, and every failure is one line. Node-only; not part of lib/estimator.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";

/** Largest file read: config.json files are 1-50 KB, start-up logs well under 1 MB; checked before reading. */
export const MAX_TEXT_FILE_BYTES = 10 * 1024 * 1024;

/** A file that cannot be used; the message is one line naming the path and why. */
export class TextFileError extends Error {}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * A text file given on a command line, as UTF-8. Regular files only, at most MAX_TEXT_FILE_BYTES: a device such as /dev/zero never ends
 * and a named pipe blocks, so the type and size are checked with stat before anything is read. The file is opened
 * non-blocking and checked again on the open descriptor, so a file swapped in between cannot slip through.
 */
export function readRegularTextFile(path: string): string {
  const fail = (why: string): never => {
    throw new TextFileError(`cannot read ${path}: ${why}`);
  };
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  if (!stat.isFile()) fail(`it is ${kindOf(stat)}; give a regular file`);
  if (stat.size > MAX_TEXT_FILE_BYTES) {
    fail(
      `it is ${stat.size.toLocaleString("en-US")} bytes; the limit is ${MAX_TEXT_FILE_BYTES.toLocaleString("en-US")}`,
    );
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) fail(`it is ${kindOf(opened)}; give a regular file`);
    // One byte more than the limit, to notice a file that grew after stat.
    const buffer = Buffer.alloc(Math.min(opened.size, MAX_TEXT_FILE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_TEXT_FILE_BYTES)
      fail(`it is larger than ${MAX_TEXT_FILE_BYTES.toLocaleString("en-US")} bytes`);
    try {
      // fatal: bytes that are not UTF-8 are an error, not replacement characters; a UTF-8 BOM is dropped.
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      return fail("it is not UTF-8 text");
    }
  } finally {
    closeSync(fd);
  }
}
