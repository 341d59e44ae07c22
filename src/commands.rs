//! Each command: resolve the raw arguments, do the work through the library, hand bytes to
//! [`crate::output`].

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::assess::{self, Options};
use crate::catalog::Catalog;
use crate::cli::{
    AssessArgs, BatchArgs, Cli, Command, DiffArgs, JobArgs, PostingArgs, RoleArgs, RolesArgs,
    SkillsArgs,
};
use crate::input;
use crate::output;
use crate::profile::job::RoleIds;
use crate::profile::{builtin_profiles, ProfileSet, Role};
use crate::render::{self, Format, RenderOptions};
use crate::Outcome;

/// What every command shares: the catalog, the profiles and how to display.
struct Context {
    catalog: &'static Catalog,
    profiles: ProfileSet,
    color: crate::cli::ColorChoice,
}

impl Context {
    fn new(cli: &Cli) -> anyhow::Result<Context> {
        let catalog = Catalog::builtin()?;
        let mut profiles =
            builtin_profiles(catalog).context("the built-in profiles are invalid")?;
        if let Some(dir) = &cli.profiles {
            profiles = profiles.with_dir(dir, catalog, cli.only_custom)?;
        } else if cli.only_custom {
            anyhow::bail!("--only-custom needs --profiles DIR");
        }
        Ok(Context {
            catalog,
            profiles,
            color: cli.color,
        })
    }

    fn render_options(&self, output: Option<&Path>, explain: bool) -> RenderOptions {
        RenderOptions {
            color: output::use_color(self.color, output.is_some()),
            explain,
            width: output::terminal_width(output.is_some()),
            title: None,
            prepared_by: None,
            date: Some(crate::input::dates::today().to_string()),
            max_roles: None,
        }
    }
}

/// The scoring options of `assess`, `batch` and `diff`, built in one place: the tier to score at,
/// how many roles to keep, and whose gains the learning plan weighs — the roles the person chose
/// (`--role`, a skills file's "roles", `--only-job`) all count; otherwise the plan covers the
/// roles near the best ([`assess::DEFAULT_PLAN_ROLES`]).
fn scoring_options(
    tier: Option<crate::profile::Tier>,
    top: Option<usize>,
    chosen: bool,
) -> Options {
    Options {
        tier,
        top,
        plan_roles: (!chosen).then_some(assess::DEFAULT_PLAN_ROLES),
    }
}

/// How many roles the terminal table ranks when `--top` is not given.
const TABLE_ROLES: usize = 5;

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    // The housekeeping commands load no profiles (and must work when --profiles DIR is broken);
    // the others load them first.
    let context = || Context::new(&cli);
    match &cli.command {
        Command::Profiles(args) => crate::housekeeping::profiles_command(&cli, args),
        Command::Init(args) => crate::housekeeping::init_command(args),
        Command::Completions(args) => crate::housekeeping::completions_command(args),
        Command::Man(args) => crate::housekeeping::man_command(args),
        Command::Assess(args) => assess_command(&context()?, args),
        Command::Roles(args) => roles_command(&context()?, args),
        Command::Role(args) => role_command(&context()?, args),
        Command::Skills(args) => skills_command(&context()?, args),
        Command::Batch(args) => batch_command(&context()?, args),
        Command::Diff(args) => diff_command(&context()?, args),
        Command::Job(args) => job_command(&context()?, args),
    }
}

fn assess_command(context: &Context, args: &AssessArgs) -> anyhow::Result<Outcome> {
    output::refuse_overwriting_inputs(
        output::destination(&args.output),
        args.input
            .iter()
            .chain(&args.postings.files)
            .chain(&args.from)
            .map(PathBuf::as_path),
    )?;
    // Standard input can feed only one of them.
    let stdin = Path::new("-");
    if args.input.as_deref() == Some(stdin) && args.postings.files.iter().any(|job| job == stdin) {
        anyhow::bail!("standard input (`-`) can hold the résumé or a --job posting, not both");
    }
    // An unknown --role or a bad --job fails before any input is read or question asked.
    context.profiles.select(&args.scoring.roles)?;
    let job_roles = posting_roles(context, &args.postings)?;
    let skills = match &args.input {
        Some(path) => input::read(path, args.scoring.input_format, context.catalog)?,
        None => {
            let answers = crate::interactive::questionnaire(
                context.catalog,
                &context.profiles,
                args,
                context.color,
            )?;
            match answers {
                Some(skills) => skills,
                None => return Ok(Outcome::Interrupted),
            }
        }
    };
    // Warnings about the input always go to stderr (a pipeline's log keeps them); the report
    // carries them too, except a table on a terminal, where they would show twice.
    for warning in &skills.warnings {
        output::warn(&format!("{}: {warning}", skills.source));
    }
    // The role focus saved in a skills file applies when no --role is given.
    let role_ids = if args.scoring.roles.is_empty() {
        &skills.roles
    } else {
        &args.scoring.roles
    };
    let mut roles = if args.postings.only_job {
        Vec::new()
    } else {
        context.profiles.select(role_ids).with_context(|| {
            format!(
                "{}: \"roles\" names a role that does not exist",
                skills.source
            )
        })?
    };
    roles.extend(job_roles.iter());
    let options = scoring_options(
        args.scoring.tier,
        args.top.map(usize::from),
        !role_ids.is_empty() || args.postings.only_job,
    );
    let mut report = assess::assess(&skills, &roles, context.catalog, &options);
    if args.format == render::ReportFormat::Table
        && output::destination(&args.output).is_none()
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
    {
        report.warnings.retain(|w| !skills.warnings.contains(w));
    }
    let render_options = RenderOptions {
        title: args.title.clone(),
        prepared_by: args.prepared_by.clone(),
        // The table shows one screen's worth unless --top says how many.
        max_roles: args.top.is_none().then_some(TABLE_ROLES),
        ..context.render_options(output::destination(&args.output), args.explain)
    };
    write(args.format, &report, &render_options, &args.output)?;
    Ok(threshold_outcome(&report, args.min_score))
}

/// The one way every command's document goes out: its format's renderer, then standard output or
/// the `--output` file (written atomically).
fn write<D: ?Sized>(
    format: impl Format<D>,
    document: &D,
    options: &RenderOptions,
    output: &Option<PathBuf>,
) -> anyhow::Result<()> {
    let bytes = render::to_bytes(format, document, options)?;
    output::emit(output::destination(output), &bytes)?;
    Ok(())
}

/// Exit 1 when the person is below the `--min-score` gate ([`crate::gate`]).
fn threshold_outcome(report: &crate::report::Report, min_score: Option<f64>) -> Outcome {
    if crate::gate::is_below(report, min_score) {
        Outcome::BelowThreshold
    } else {
        Outcome::Success
    }
}

fn roles_command(context: &Context, args: &RolesArgs) -> anyhow::Result<Outcome> {
    let options = context.render_options(output::destination(&args.list.output), false);
    let list = render::RoleList(context.profiles.roles());
    write(args.list.format, &list, &options, &args.list.output)?;
    Ok(Outcome::Success)
}

fn role_command(context: &Context, args: &RoleArgs) -> anyhow::Result<Outcome> {
    let role = context.profiles.select(std::slice::from_ref(&args.id))?[0];
    let options = context.render_options(output::destination(&args.list.output), false);
    let detail = render::RoleDetail {
        role,
        catalog: context.catalog,
    };
    write(args.list.format, &detail, &options, &args.list.output)?;
    Ok(Outcome::Success)
}

/// The roles the `--job` postings become, their warnings written out. A posting never gets a
/// profile's id, nor one an earlier posting has (in any --job file).
fn posting_roles(context: &Context, postings: &PostingArgs) -> anyhow::Result<Vec<Role>> {
    let mut taken_ids = RoleIds::reserving(context.profiles.roles().iter().map(Role::id));
    let mut roles = Vec::new();
    for path in &postings.files {
        let loaded =
            crate::profile::job::load(path, postings.job_format, context.catalog, &mut taken_ids)?;
        for job in loaded {
            for warning in &job.warnings {
                output::warn(warning);
            }
            roles.push(job.role);
        }
    }
    Ok(roles)
}

fn job_command(context: &Context, args: &JobArgs) -> anyhow::Result<Outcome> {
    output::refuse_overwriting_inputs(
        output::destination(&args.list.output),
        [args.posting.as_path()],
    )?;
    let mut taken_ids = RoleIds::reserving(context.profiles.roles().iter().map(Role::id));
    let jobs = crate::profile::job::load(
        &args.posting,
        args.job_format,
        context.catalog,
        &mut taken_ids,
    )?;
    for warning in jobs.iter().flat_map(|job| &job.warnings) {
        output::warn(warning);
    }
    let options = context.render_options(output::destination(&args.list.output), false);
    let list = render::PostingList {
        jobs: &jobs,
        catalog: context.catalog,
    };
    write(args.list.format, &list, &options, &args.list.output)?;
    Ok(Outcome::Success)
}

fn skills_command(context: &Context, args: &SkillsArgs) -> anyhow::Result<Outcome> {
    let catalog = context.catalog;
    let query = args.query.as_deref().unwrap_or("");
    let hits = catalog.search(query);
    if hits.is_empty() {
        anyhow::bail!("no skill matches `{query}`; `skillgap skills` lists them all");
    }
    let options = context.render_options(output::destination(&args.list.output), false);
    let list = render::SkillList {
        catalog,
        skills: &hits,
    };
    write(args.list.format, &list, &options, &args.list.output)?;
    Ok(Outcome::Success)
}

/// How many worker threads `--jobs` may ask for, per core: more only adds memory and switching.
const MAX_JOBS_PER_CORE: usize = 4;

/// The worker threads for `batch`: `--jobs`, else one per core; at most
/// [`MAX_JOBS_PER_CORE`] per core, with a warning when asked for more.
fn worker_threads(asked: Option<u16>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let Some(asked) = asked.map(usize::from) else {
        return cores;
    };
    let most = cores * MAX_JOBS_PER_CORE;
    if asked > most {
        output::warn(&format!(
            "--jobs {asked} is more than this machine can use; running {most} ({MAX_JOBS_PER_CORE} per core, {cores} core{})",
            if cores == 1 { "" } else { "s" }
        ));
        most
    } else {
        asked
    }
}

fn batch_command(context: &Context, args: &BatchArgs) -> anyhow::Result<Outcome> {
    output::refuse_overwriting_inputs(
        output::destination(&args.output),
        args.paths
            .iter()
            .chain(&args.postings.files)
            .map(PathBuf::as_path),
    )?;
    if args.paths.iter().any(|p| p == Path::new("-"))
        && args.postings.files.iter().any(|p| p == Path::new("-"))
    {
        anyhow::bail!("standard input (`-`) can hold the résumés or a --job posting, not both");
    }
    let mut roles = if args.postings.only_job {
        Vec::new()
    } else {
        context.profiles.select(&args.scoring.roles)?
    };
    // Everyone is ranked against the same postings, read once before any résumé.
    let job_roles = posting_roles(context, &args.postings)?;
    roles.extend(job_roles.iter());
    let batch_context = render::BatchContext {
        roles: roles
            .iter()
            .map(|r| (r.profile.id.clone(), r.profile.title.clone()))
            .collect(),
        min_score: args.min_score,
        color: output::use_color(context.color, output::destination(&args.output).is_some()),
    };
    let config = crate::batch::BatchConfig {
        catalog: context.catalog,
        roles,
        options: scoring_options(
            args.scoring.tier,
            None,
            !args.scoring.roles.is_empty() || args.postings.only_job,
        ),
        input_format: args.scoring.input_format,
        min_score: args.min_score,
        jobs: worker_threads(args.jobs),
        progress: !args.quiet,
    };
    let renderer = args.format.renderer();
    let summary = match output::destination(&args.output) {
        Some(path) => {
            let mut file = output::AtomicFile::create(path)?;
            let summary =
                crate::batch::run(&config, &args.paths, &*renderer, &batch_context, &mut file)?;
            file.commit()?;
            summary
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
            crate::batch::run(&config, &args.paths, &*renderer, &batch_context, &mut out)?
        }
    };
    if !args.quiet {
        output::note(&format!("batch: {}", summary.describe(args.min_score)));
    }
    // Input errors (2) win over a person below the gate (1): a broken input is the thing to fix first.
    Ok(if summary.failed > 0 {
        Outcome::InputErrors
    } else if summary.below > 0 {
        Outcome::BelowThreshold
    } else {
        Outcome::Success
    })
}

fn diff_command(context: &Context, args: &DiffArgs) -> anyhow::Result<Outcome> {
    output::refuse_overwriting_inputs(
        output::destination(&args.output),
        [args.before.as_path(), args.after.as_path()],
    )?;
    let roles = context.profiles.select(&args.scoring.roles)?;
    // The ids of the roles named (`--role "LLM Engineer"` is `llm-engineer`), none for all.
    let role_filter = if args.scoring.roles.is_empty() {
        Vec::new()
    } else {
        roles.iter().map(|role| role.id().to_string()).collect()
    };
    let config = crate::diff::DiffConfig {
        catalog: context.catalog,
        roles,
        options: scoring_options(args.scoring.tier, None, !args.scoring.roles.is_empty()),
        input_format: args.scoring.input_format,
        role_filter,
    };
    let before = crate::diff::load(&args.before, &config)?;
    let after = crate::diff::load(&args.after, &config)?;
    let diff = crate::diff::compare(&before, &after);
    let options = context.render_options(output::destination(&args.output), false);
    write(args.format, &diff, &options, &args.output)?;
    Ok(Outcome::Success)
}
