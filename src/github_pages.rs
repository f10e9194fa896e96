//! `signpost new --github-pages`: the workflow file that publishes a site
//! to GitHub Pages on every push, so a team with a GitHub account can go
//! from "we have some Markdown" to "it is online" without a server.
//!
//! The workflow checks the site first (`--format github`, so findings show
//! on the lines of a pull request) and publishes only a build that has no
//! errors. Signpost is installed from the address in the repository
//! variable `SIGNPOST_REPOSITORY`, because a site's team decides which
//! copy of Signpost it trusts; the comments say where to set it.

use std::path::Path;

/// Where GitHub looks for workflows.
pub const WORKFLOW_PATH: &str = ".github/workflows/publish.yml";

/// The workflow. Action versions are the ones GitHub's own Pages starter
/// workflows use.
pub const WORKFLOW: &str = r#"# Publishes this site to GitHub Pages on every push to the main branch.
# Written by `signpost new --github-pages`. Before the first run:
#
# 1. On GitHub, open the repository's Settings > Pages, and under
#    "Build and deployment" set Source to "GitHub Actions".
# 2. Open Settings > Secrets and variables > Actions > Variables and add
#    SIGNPOST_REPOSITORY: the Git address to install Signpost from.
#    Optionally add SIGNPOST_VERSION: a tag of that repository, so every
#    build uses the same Signpost until you change it.
# 3. Set `base_url:` in site.yaml to the address GitHub shows on the
#    Pages screen (https://YOUR-NAME.github.io/YOUR-REPOSITORY/), so the
#    sitemap, the feed and the language links use it.
#
# The check step fails the run, and nothing is published, when the site has
# errors. Warnings are shown on the lines of a pull request but do not stop
# it; add --strict to the check step to stop on warnings too.
name: Publish the site

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    env:
      SIGNPOST_REPOSITORY: ${{ vars.SIGNPOST_REPOSITORY }}
      SIGNPOST_VERSION: ${{ vars.SIGNPOST_VERSION }}
    steps:
      - uses: actions/checkout@v4
      - name: Reuse the installed Signpost
        id: cache
        uses: actions/cache@v4
        with:
          path: ~/.cargo/bin/signpost
          key: signpost-${{ runner.os }}-${{ vars.SIGNPOST_REPOSITORY }}-${{ vars.SIGNPOST_VERSION }}
      - name: Install Signpost
        if: steps.cache.outputs.cache-hit != 'true'
        run: |
          if [ -z "$SIGNPOST_REPOSITORY" ]; then
            echo "::error::Set the repository variable SIGNPOST_REPOSITORY (see the top of this file)"
            exit 1
          fi
          cargo install --locked --git "$SIGNPOST_REPOSITORY" ${SIGNPOST_VERSION:+--tag "$SIGNPOST_VERSION"} signpost
      - name: Check the site
        run: signpost check --format github
      - name: Build the site
        run: signpost build --quiet
      - if: github.event_name != 'pull_request'
        uses: actions/upload-pages-artifact@v3
        with:
          path: output

  publish:
    if: github.event_name != 'pull_request'
    needs: build
    runs-on: ubuntu-latest
    # One publication at a time, and never cancel one half-way.
    concurrency:
      group: pages
      cancel-in-progress: false
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

/// Keeps the built site out of Git: the workflow builds it afresh.
pub const GITIGNORE: &str =
    "# Built by `signpost build`; the publish workflow builds it afresh.\noutput/\n";

/// Writes the workflow (and a `.gitignore`, if the folder has none) into
/// the new site `dir`; returns how many files were written.
pub fn write(dir: &Path) -> anyhow::Result<usize> {
    crate::fsutil::write(&dir.join(WORKFLOW_PATH), WORKFLOW.as_bytes())?;
    let ignore = dir.join(".gitignore");
    if ignore.exists() {
        return Ok(1);
    }
    crate::fsutil::write(&ignore, GITIGNORE.as_bytes())?;
    Ok(2)
}
