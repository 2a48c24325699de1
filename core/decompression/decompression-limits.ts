/**
 * Every clinical and safety number the decompression program, envelope and supervisor use.
 * Source of each: /work/shared/reference/decompression.md (cited as "ref §n"), which gives the
 * original source; values the reference marks "derived" or "DESIGN" say so. SI inside: forces in
 * N (1 lbf = 4.4482216152605 N, 1 kgf = 9.80665 N, exact, ref header), times in ms.
 */
import { NEWTONS_PER_POUND_FORCE as LBF, STANDARD_GRAVITY_MPS2 as KGF } from '../units.ts';

// ── Force envelope (ref §7.1) ────────────────────────────────────────────────────────────────
/** Absolute lumbar ceiling, 200 lbf: ATP9 2–200 lb (K992733); Saunders lumbar 200 lb (ref §4.2, §7.1). */
export const LUMBAR_MAX_TENSION_N = 200 * LBF;
/** Absolute cervical ceiling, 50 lbf: Saunders cervical 50 lb; literature 25–45 lb; Raney max 40 lb (ref §4.6, §7.1). */
export const CERVICAL_MAX_TENSION_N = 50 * LBF;
/** Lumbar max above 0.50 BW needs confirmation: 40–50 % BW for separation (Saunders, ref §7.1). */
export const LUMBAR_MAX_FRACTION_BW = 0.5;
/** Lumbar hard max 0.60 BW: 60 % used only in a 5-min study (Meszaros 2000, ref §7.1). */
export const LUMBAR_HARD_MAX_FRACTION_BW = 0.6;
/** Cervical max 0.20 BW (derived from Raney/Fater/Saunders as ≈12–32 % BW, ref §7.1). */
export const CERVICAL_MAX_FRACTION_BW = 0.2;
/** Cervical hard max 0.25 BW (derived, ref §7.1). */
export const CERVICAL_HARD_MAX_FRACTION_BW = 0.25;
/** Lumbar starting force 0.25 BW (KDT 20–35 %, "≤1/3 BW", ref §4.1, §7.1). */
export const LUMBAR_START_FRACTION_BW = 0.25;
/** First capped sessions, lumbar hard cap 50 lbf (KDT: 40 lb women / 50 lb men, ref §4.1, §7.1). */
export const FIRST_SESSION_CAP_LUMBAR_N = 50 * LBF;
/** First capped sessions, lumbar default cap 40 lbf unless the clinician overrides (KDT, ref §7.1). */
export const FIRST_SESSION_DEFAULT_LUMBAR_N = 40 * LBF;
/** Cervical start 10 lbf (Raney 10–12 lb, ref §4.6, §7.1); also the cervical first-session cap (DESIGN: no cervical first-session cap was found). */
export const CERVICAL_START_N = 10 * LBF;
/** Cervical start never above 0.10 BW (derived BW clause, ref §7.1). */
export const CERVICAL_START_MAX_FRACTION_BW = 0.1;
/** Cervical confirmation above 30 lbf (Lane CC teaching range 25–30 lb, ref §7.1). */
export const CERVICAL_CONFIRM_ABOVE_N = 30 * LBF;
/** ... or above 0.20 BW, whichever is lower (derived, ref §7.1). */
export const CERVICAL_CONFIRM_ABOVE_FRACTION_BW = 0.2;
/** Floor kept on the cord; also the lowest min tension: Eltrac ≥ 15 N (ref §2.5, §7.1). */
export const MIN_TENSION_FLOOR_N = 15;
/** Min (rest) tension at most half the max: Pergolizzi 2008; Triton; Raney (ref §4.4, §7.1). */
export const MIN_TENSION_FRACTION = 0.5;
/** Lumbar min at least 10 lbf below max: Tru-Trac TT-92B (ref §4.4, §7.1). */
export const LUMBAR_MIN_MAX_GAP_N = 10 * LBF;

// ── Progression (ref §7.1, §7.5) ─────────────────────────────────────────────────────────────
/** Sessions 1–2 use the first-session caps (KDT, ref §7.1). */
export const FIRST_CAPPED_SESSIONS = 2;
/** Lumbar increase per session at most 10 lbf (Pergolizzi 2008 10 lb steps; KDT 5–10 lb, ref §4.3). */
export const MAX_INCREASE_PER_SESSION_LUMBAR_N = 10 * LBF;
/** Cervical increase per session at most 5 lbf (derived: half the lumbar step, ref §7.1). */
export const MAX_INCREASE_PER_SESSION_CERVICAL_N = 5 * LBF;
/** More than 14 days since the previous completed session restarts the first-session caps (DESIGN, ref §7.5). */
export const PROGRESSION_GAP_RESET_DAYS = 14;
/** Body mass plausibility range (DESIGN, ref §7.1). */
export const BODY_MASS_MIN_KG = 20;
export const BODY_MASS_MAX_KG = 250;

// ── Timing (ref §7.1) ────────────────────────────────────────────────────────────────────────
/** Hold and rest 1–99 s: ATP9 (K992733, ref §4.5). */
export const HOLD_MIN_MS = 1_000;
export const HOLD_MAX_MS = 99_000;
/** Time under tension, pauses included, at most 45 min: VAX-D 30–45 min upper end (ref §7.1). */
export const SESSION_MAX_MS = 45 * 60_000;
/** Pause at most 120 s (derived: longest deliberate hold 99 s, ATP9; Dräger 2-min audio pause; ref §7.1). */
export const PAUSE_MAX_MS = 120_000;
/** The Medium pause alarm counts down the last 30 s (ref §7.3). */
export const PAUSE_WARNING_MS = 30_000;
/** At most 10 progressive or regressive steps (derived; none published, ref §7.1). */
export const STEPS_MAX = 10;
/** Angle of pull, recorded only: DRX5000 0–30°, Model D 0–27°; cervical Saunders presets, Raney 15/24° (ref §4.7). */
export const ANGLE_LUMBAR_MIN_DEG = 0;
export const ANGLE_LUMBAR_MAX_DEG = 30;
export const ANGLE_CERVICAL_MIN_DEG = 15;
export const ANGLE_CERVICAL_MAX_DEG = 25;
/** Lumbar ramp at most 10 lbf/s (derived from 10–15 s KDT pulls, ref §7.1); ramp-downs the same. */
export const RAMP_MAX_LUMBAR_N_PER_S = 10 * LBF;
/** Cervical ramp at most 2.5 lbf/s (DESIGN: lumbar rate × 50/200, ref §7.1). */
export const RAMP_MAX_CERVICAL_N_PER_S = 2.5 * LBF;

// ── Safety path (ref §7.1) ───────────────────────────────────────────────────────────────────
/** The app starts its release ≤ 100 ms after an event reaches it (project goal, ref §7.1). */
export const RELEASE_START_MAX_MS = 100;
/** Over-tension: measured > prescribed max + tolerance for ≥ 200 ms (derived from YY 0697, ref §7.1). */
export const OVERTENSION_TRIP_MS = 200;
/** Runaway (force rising while the set-point does not) uses the same 200 ms window (DESIGN on ref §7.2). */
export const RUNAWAY_TRIP_MS = 200;
/** Tracking alarm after 2 s out of tolerance (derived, ref §7.1). */
export const TRACKING_ALARM_AFTER_MS = 2_000;
/** ... ignoring the first 1 s of a ramp (derived, ref §7.1). */
export const TRACKING_RAMP_GRACE_MS = 1_000;
/** Tracking escalates to High and a release beyond 2× tolerance or after 10 s (ref §7.2). */
export const TRACKING_ESCALATE_FACTOR = 2;
export const TRACKING_ESCALATE_MS = 10_000;
/** Prechecks: the load cell reads zero within ±10 N at zero load (derived from YY 0697 low band, ref §7.1). */
export const ZERO_CHECK_TOLERANCE_N = 10;
/** Frozen load cell: actuator moved ≥ 2 mm within 500 ms while the force, above the floor, changed < 2× noise (derived, ref §7.1). */
export const FROZEN_LOADCELL_WINDOW_MS = 500;
export const FROZEN_LOADCELL_MOVE_MM = 2;
export const FROZEN_LOADCELL_NOISE_FACTOR = 2;
/** Load-cell noise 0.1 % of full scale (SIM_LOADCELL_NOISE, 0.03–0.25 % class, ref §6.3, §7.1). */
export const LOADCELL_NOISE_FRACTION_FS = 0.001;
/** Prechecks that wait on the table give up after 5 s (DESIGN: 10 × the 500 ms watchdog). */
export const PRECHECK_STEP_TIMEOUT_MS = 5_000;
/** The patient-switch self-test waits up to 60 s for the patient to press and release (DESIGN). */
export const SWITCH_TEST_TIMEOUT_MS = 60_000;

/** A body mass in kg as a weight in N (ref §7.1: BW in N = mass × 9.80665). */
export function bodyWeightN(bodyMassKg: number): number {
  return bodyMassKg * KGF;
}

/**
 * Allowed deviation of measured from commanded tension, YY 0697-2008 cl. 4.3 as restated in
 * ref §5.5 / §7.1 `TRACKING_TOLERANCE`: F ≤ 200 N → max(10 % F, 10 N); F > 200 N → min(20 % F, 50 N).
 */
export function tractionToleranceN(forceN: number): number {
  const f = Math.abs(forceN);
  return f <= 200 ? Math.max(0.1 * f, 10) : Math.min(0.2 * f, 50);
}
