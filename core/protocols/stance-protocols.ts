/**
 * Built-in quiet-stance tests (shared/reference/balance.md §2.1–§2.3, §7.2): Romberg, sharpened
 * (tandem) Romberg, mCTSIB and single-leg stance. All end a trial on a step off the plate and
 * count it ("fell", with its hold time): a positive Romberg is an unintended step [Romberg-EDU],
 * an mCTSIB trial ends when the feet move [SRALab-CTSIB], a single-leg trial when the lifted foot
 * comes down [OLS-review]. Trials at the edge of balance wait for the therapist's spotter/harness
 * confirmation, and so does every set-up change (foam pad, stance) (balance.md §7.2, DESIGN).
 */
import type { Eyes, ProtocolSpec, Stance, Surface, TrialSpec } from './protocol-types.ts';

/** DESIGN: a 3 s countdown before every trial (no source fixes one). */
export const COUNTDOWN_MS = 3000;
/** Romberg and sharpened Romberg: 30 s per trial [Bohannon84], [Romberg-EDU]; 60 s option [Maeda22]; 10 s option [BioProt-Romberg]. */
export const ROMBERG_TRIAL_MS = 30_000;
/** Up to 3 trials per position [Romberg-EDU] (clinical test sheet, LOW). */
export const MAX_TRIALS_PER_CONDITION = 3;
/** Instrumented mCTSIB: 10 s trials on the VSR Sport [SwayMed]; 30 s in the clinical version [SRALab-mCTSIB]. */
export const MCTSIB_TRIAL_MS = 10_000;
/** NeuroCom mCTSIB: 3 trials per condition [NeuroCom-mCTSIB]. */
export const MCTSIB_TRIALS_PER_CONDITION = 3;
/** Single-leg stance: three 30 s trials [Oliveira18]; 45 s maximum option [OLS-review]. */
export const SINGLE_LEG_TRIAL_MS = 30_000;
export const SINGLE_LEG_TRIALS = 3;

export interface StanceTestOptions {
  readonly trialMs?: number;
  /** Trials per condition, 1–3. */
  readonly trialsPerCondition?: number;
}

interface Block {
  readonly key: string;
  readonly label: string;
  readonly eyes: Eyes;
  readonly surface: Surface;
  readonly stance: Stance;
  readonly instruction: string;
}

const STANCE_TEXT: Record<Stance, string> = {
  bipedal: 'Stand with your feet together, arms crossed',
  tandem: 'Stand heel to toe, arms crossed',
  singleLegLeft: 'Stand on your left leg, right foot lifted to ankle height, hands on hips',
  singleLegRight: 'Stand on your right leg, left foot lifted to ankle height, hands on hips',
};

const atEdgeOfBalance = (block: Block): boolean => block.eyes === 'closed' || block.surface === 'foam' || block.stance !== 'bipedal';

/** Trials of `blocks` in order, `repeats` each, asking the therapist at each new set-up or first risky trial. */
function trialsOf(blocks: readonly Block[], repeats: number, durationMs: number): TrialSpec[] {
  const trials: TrialSpec[] = [];
  let previous: Block | undefined;
  let hasAskedSpotter = false;
  for (const block of blocks) {
    const isNewSetUp = previous !== undefined && (previous.surface !== block.surface || previous.stance !== block.stance);
    const needsSpotter = atEdgeOfBalance(block) && !hasAskedSpotter;
    hasAskedSpotter ||= atEdgeOfBalance(block);
    for (let r = 1; r <= repeats; r++) {
      trials.push({
        id: repeats === 1 ? block.key : `${block.key}-${r}`,
        label: repeats === 1 ? block.label : `${block.label}, trial ${r}`,
        instruction: `${block.instruction}. Eyes ${block.eyes}. Stay as still as you can until the end tone.`,
        condition: { eyes: block.eyes, surface: block.surface, stance: block.stance },
        task: { kind: 'quietStance' },
        durationMs,
        needsTherapist: r === 1 && (isNewSetUp || needsSpotter),
      });
    }
    previous = block;
  }
  return trials;
}

const block = (key: string, label: string, eyes: Eyes, surface: Surface, stance: Stance): Block => ({ key, label, eyes, surface, stance, instruction: STANCE_TEXT[stance] });

interface StanceTestDefaults {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly trialMs: number;
  readonly trialsPerCondition: number;
}

/** A quiet-stance protocol of `blocks`, with the caller's trial length and trial count (1–3). */
function stanceProtocol(defaults: StanceTestDefaults, blocks: readonly Block[], options: StanceTestOptions): ProtocolSpec {
  const repeats = Math.min(MAX_TRIALS_PER_CONDITION, Math.max(1, Math.round(options.trialsPerCondition ?? defaults.trialsPerCondition)));
  const { id, name, source } = defaults;
  return { id, name, source, trials: trialsOf(blocks, repeats, options.trialMs ?? defaults.trialMs), countdownMs: COUNTDOWN_MS, onStepOff: 'fell' };
}

/** Romberg: feet together, eyes open then closed; the Romberg quotient compares the two (protocol-summaries.ts). */
export function rombergProtocol(options: StanceTestOptions = {}): ProtocolSpec {
  const defaults = { id: 'romberg', name: 'Romberg', source: '[Romberg-EDU], [Bohannon84], [LeKapoula08]', trialMs: ROMBERG_TRIAL_MS, trialsPerCondition: 1 };
  return stanceProtocol(defaults, [block('eo', 'Eyes open', 'open', 'firm', 'bipedal'), block('ec', 'Eyes closed', 'closed', 'firm', 'bipedal')], options);
}

/** Sharpened (tandem) Romberg: heel to toe, eyes open then closed. */
export function tandemStanceProtocol(options: StanceTestOptions = {}): ProtocolSpec {
  const defaults = { id: 'tandem-stance', name: 'Tandem stance (sharpened Romberg)', source: '[Romberg-EDU], [BioProt-Romberg]', trialMs: ROMBERG_TRIAL_MS, trialsPerCondition: 1 };
  return stanceProtocol(defaults, [block('tandem-eo', 'Tandem, eyes open', 'open', 'firm', 'tandem'), block('tandem-ec', 'Tandem, eyes closed', 'closed', 'firm', 'tandem')], options);
}

/** mCTSIB: eyes open/closed on firm, then on foam [NeuroCom-mCTSIB]. */
export function mctsibProtocol(options: StanceTestOptions = {}): ProtocolSpec {
  const defaults = { id: 'mctsib', name: 'mCTSIB', source: '[NeuroCom-mCTSIB], [SwayMed], [SRALab-mCTSIB]', trialMs: MCTSIB_TRIAL_MS, trialsPerCondition: MCTSIB_TRIALS_PER_CONDITION };
  const blocks = [
    block('eo-firm', 'Eyes open, firm', 'open', 'firm', 'bipedal'),
    block('ec-firm', 'Eyes closed, firm', 'closed', 'firm', 'bipedal'),
    block('eo-foam', 'Eyes open, foam', 'open', 'foam', 'bipedal'),
    block('ec-foam', 'Eyes closed, foam', 'closed', 'foam', 'bipedal'),
  ];
  return stanceProtocol(defaults, blocks, options);
}

/** Single-leg stance, left then right, eyes open (closed as an option). */
export function singleLegStanceProtocol(options: StanceTestOptions & { readonly eyes?: Eyes } = {}): ProtocolSpec {
  const eyes = options.eyes ?? 'open';
  const defaults = { id: 'single-leg-stance', name: 'Single-leg stance', source: '[Oliveira18], [OLS-review]', trialMs: SINGLE_LEG_TRIAL_MS, trialsPerCondition: SINGLE_LEG_TRIALS };
  return stanceProtocol(defaults, [block('left', 'Left leg', eyes, 'firm', 'singleLegLeft'), block('right', 'Right leg', eyes, 'firm', 'singleLegRight')], options);
}
