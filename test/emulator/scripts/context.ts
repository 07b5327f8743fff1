/** What a script handler gets: the emulator, the authenticated account and the merged parameters. */
import type { Emulator } from '../emulator';
import type { Account } from '../state';
import type { UploadedFile } from '../params';
import type { Reply } from '../reply';
import { apiError } from '../reply';

export interface Ctx {
	emu: Emulator;
	acc: Account;
	/** query + body parameters (body wins), decoded with the request's charset */
	p: Record<string, string>;
	/** each parameter's bytes before charset decoding */
	raw: Record<string, Buffer>;
	/** file parts of a multipart body */
	files: UploadedFile[];
	/** emulator clock, ms */
	now: number;
	fmt: number;
	script: string;
}

export type ScriptHandler = (ctx: Ctx) => Reply | Promise<Reply>;

/** "1", "yes" → true; absent, "", "0", "false" → false. */
export function flag(v: string | undefined): boolean {
	return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function int(v: string | undefined, def: number): number {
	if (v === undefined || v === '') return def;
	const n = Number(v);
	return Number.isFinite(n) ? Math.trunc(n) : NaN;
}

/** `cnt` style limit: default `def`, capped at `max`; error 1 when not a positive integer. */
export function limitParam(ctx: Ctx, name: string, def: number, max: number): number {
	const n = int(ctx.p[name], def);
	if (!Number.isFinite(n) || n < 1) throw apiError(ctx.script, 1);
	return Math.min(n, max);
}
