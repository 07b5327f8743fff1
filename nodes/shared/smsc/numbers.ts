/** SMSC sends numbers as JSON numbers or strings, and blanks for "none"; blank must not read as 0. */
export function toNumber(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}
