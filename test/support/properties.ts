/**
 * How many generated cases each property test runs, and from which seed (docs/properties.md).
 * `npm test` runs each property's own small number of cases from a fixed seed, so a run is fast and
 * repeatable; `npm run test:properties` (CI) sets SMSC_PROPERTY_RUNS to 1,000 or more. A failing run
 * prints its seed and path; SMSC_PROPERTY_SEED and SMSC_PROPERTY_PATH replay exactly that case.
 */
import fc from 'fast-check';

/** The seed of `npm test`: fixed, so a failure there fails the same way on every machine. */
export const DEFAULT_SEED = 29;

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(name: string): number | undefined {
	const value = env(name);
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!Number.isInteger(number)) throw new Error(`${name} must be a whole number, not ${value}`);
	return number;
}

/** The runs a property makes: its quick count in `npm test`, SMSC_PROPERTY_RUNS when set. */
export function propertyRuns(quick: number): number {
	const runs = integer('SMSC_PROPERTY_RUNS');
	if (runs !== undefined && runs <= 0)
		throw new Error(`SMSC_PROPERTY_RUNS must be positive, not ${runs}`);
	return runs ?? quick;
}

/** fast-check's parameters for a property: seed, runs, and the path of a case to replay. */
export function propertyParameters<T>(quick: number): fc.Parameters<T> {
	const path = env('SMSC_PROPERTY_PATH');
	return {
		seed: integer('SMSC_PROPERTY_SEED') ?? DEFAULT_SEED,
		numRuns: propertyRuns(quick),
		...(path !== undefined ? { path, endOnFailure: true } : {}),
	};
}

/** A jest timeout for a property: `perCaseMs` for each run, with room to shrink a failure. */
export function propertyTimeout(quick: number, perCaseMs: number): number {
	return 60_000 + propertyRuns(quick) * perCaseMs * 2;
}

/**
 * Runs an async property and reports a failure with the line that replays it, so a CI log is
 * enough to reproduce the case on a developer's machine.
 */
export async function checkProperty<T>(
	property: fc.IAsyncPropertyWithHooks<T>,
	quick: number,
): Promise<void> {
	const parameters = propertyParameters<T>(quick);
	const details = await fc.check(property, parameters);
	if (!details.failed) return;
	const replay = `SMSC_PROPERTY_SEED=${details.seed} SMSC_PROPERTY_PATH=${details.counterexamplePath ?? ''}`;
	const cause = details.errorInstance;
	throw new Error(
		[
			fc.defaultReportMessage(details) ?? 'Property failed',
			`Replay this case: ${replay} npx jest <this file> -t '<this test>'`,
			cause instanceof Error ? (cause.stack ?? cause.message) : String(cause),
		].join('\n\n'),
	);
}

/** A property of the code under test: the cases to generate, the check each must pass, and its budget. */
export interface Property<T> {
	cases: fc.Arbitrary<T>;
	check: (c: T) => Promise<void>;
	/** cases in `npm test` (propertyRuns) */
	quick: number;
	/** the timeout a case (propertyTimeout) */
	perCaseMs: number;
}

/**
 * Adds a `describe(subject)` with the one test that `claim` holds: every case of the property
 * passes its check, and a failure reports the line that replays it (checkProperty).
 */
export function describeProperty<T>(subject: string, claim: string, property: Property<T>): void {
	const { cases, check, quick, perCaseMs } = property;
	describe(subject, () => {
		it(
			claim,
			async () => {
				await checkProperty(
					fc.asyncProperty(cases, async (c) => await check(c)),
					quick,
				);
			},
			propertyTimeout(quick, perCaseMs),
		);
	});
}
