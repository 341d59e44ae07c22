//! The integration tests, one binary: each module is one area, and `common` holds what they share
//! (running the built binary, the catalog, the corpus beside the checkout). One binary links once
//! instead of two dozen times. The calibration suite is its own target
//! (`cargo test --test calibration`), since it is run on its own to print its figures.
//!
//! Run one area with a filter on its module: `cargo test --test it batch::`, or
//! `cargo test --test it extraction:: -- --nocapture` for the figures it prints.

mod common;

mod bad_input;
mod batch;
mod browser;
mod cli;
mod corpus_jsonresume;
mod corpus_text;
mod data;
mod deploy;
mod detection;
mod extraction;
mod json;
mod output_targets;
mod postings;
mod properties;
mod questionnaire_pty;
mod render;
mod resolution;
mod sanitiser;
mod scaling;
mod schema;
mod setup_commands;
mod skillspan;
mod terminal;
