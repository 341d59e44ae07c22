//! Name resolution on the names people really write: a table of tricky spellings and their
//! expected outcome. A wrong match hides a real gap, so the "must not match" rows matter as much as
//! the rest.

use crate::common::skillgap;
use skillgap::catalog::{Catalog, Resolution};

#[derive(Debug)]
enum Expect {
    /// Resolves to this id (by name, alias, or an auto-corrected misspelling).
    Is(&'static str),
    /// Unrecognized, with this suggestion.
    Suggests(&'static str),
    /// Unrecognized (any suggestion or none), and certainly not this id.
    Not(&'static str),
    /// Unrecognized with no did-you-mean at all: nothing in the catalog is really similar.
    Unknown,
}
use Expect::{Is, Not, Suggests, Unknown};

const TABLE: &[(&str, Expect)] = &[
    // Case, punctuation and version suffixes.
    ("PyTorch", Is("pytorch")),
    ("pytorch", Is("pytorch")),
    ("Pytorch", Is("pytorch")),
    ("py-torch", Is("pytorch")),
    ("PYTORCH", Is("pytorch")),
    ("PyTorch 2.1", Is("pytorch")),
    ("torch", Is("pytorch")),
    ("Python 3.x", Is("python")),
    ("Python3", Is("python")),
    ("python 3.11", Is("python")),
    ("TensorFlow 2", Is("tensorflow")),
    ("tensorflow", Is("tensorflow")),
    ("Keras", Is("keras")),
    ("JAX", Is("jax")),
    // Aliases of SPEC §3.
    ("k8s", Is("kubernetes")),
    ("Kubernetes", Is("kubernetes")),
    ("W&B", Is("wandb")),
    ("wandb", Is("wandb")),
    ("Weights & Biases", Is("wandb")),
    ("Weights and Biases", Is("wandb")),
    ("TRT", Is("tensorrt")),
    ("TensorRT", Is("tensorrt")),
    ("HF Transformers", Is("hugging-face-transformers")),
    ("Hugging Face Transformers", Is("hugging-face-transformers")),
    ("ZeRO-3", Is("deepspeed")),
    ("DeepSpeed", Is("deepspeed")),
    ("ONNXRuntime", Is("onnx-runtime")),
    ("ONNX Runtime", Is("onnx-runtime")),
    ("ONNX", Is("onnx")),
    ("bf16", Is("mixed-precision")),
    ("sklearn", Is("scikit-learn")),
    ("scikit-learn", Is("scikit-learn")),
    ("Scikit Learn", Is("scikit-learn")),
    ("A/B testing", Is("ab-testing")),
    ("FSDP", Is("fsdp")),
    ("PyTorch FSDP", Is("fsdp")),
    ("Megatron-LM", Is("megatron-lm")),
    ("QLoRA", Is("qlora")),
    ("LoRA", Is("lora")),
    ("DPO", Is("dpo")),
    ("RLHF", Is("rlhf")),
    ("MLflow", Is("mlflow")),
    ("vLLM", Is("vllm")),
    ("FlashAttention", Is("flash-attention")),
    ("Flash Attention", Is("flash-attention")),
    ("bitsandbytes", Is("bitsandbytes")),
    ("NCCL", Is("nccl")),
    ("SLURM", Is("slurm")),
    ("Ray", Is("ray")),
    ("Apache Spark", Is("spark")),
    ("Spark", Is("spark")),
    ("MMLU", Is("mmlu")),
    // Look-alikes that are different skills.
    ("Java", Is("java")),
    ("JavaScript", Is("javascript")),
    ("Javascript", Is("javascript")),
    ("C", Is("c")),
    ("C++", Is("cpp")),
    ("cpp", Is("cpp")),
    ("C#", Is("c-sharp")),
    ("R", Is("r")),
    ("Go", Is("go")),
    ("Golang", Is("go")),
    ("TensorRT-LLM", Is("tensorrt-llm")),
    ("Triton", Is("triton")),
    ("OpenAI Triton", Is("triton")),
    ("Triton Inference Server", Is("triton-inference-server")),
    ("NVIDIA Triton", Is("triton-inference-server")),
    ("CUDA", Is("cuda")),
    ("CUTLASS", Is("cutlass")),
    ("Nsight", Is("nsight")),
    // Misspellings: long ones one edit away are corrected; shorter or further ones only suggested.
    ("Tensorflwo", Is("tensorflow")),
    ("Kubernets", Is("kubernetes")),
    ("Pytorhc", Suggests("pytorch")),
    ("Pytroch", Suggests("pytorch")),
    ("Deepsped", Is("deepspeed")),
    ("Kubeflo", Suggests("kubeflow")),
    ("Pytorh", Suggests("pytorch")),
    ("Pyton", Suggests("python")),
    ("Dokcer", Suggests("docker")),
    ("Kubernetis", Is("kubernetes")),
    ("Deepspeeed", Is("deepspeed")),
    // Short words that share a letter or two with a term are not misspellings of it.
    ("HTML", Unknown),
    ("GIF", Unknown),
    ("CSS", Unknown),
    ("PHP", Unknown),
    ("Figma", Unknown),
    // Not skills, or not these skills.
    ("sparked", Not("spark")),
    ("Javas", Not("javascript")),
    ("Excellence", Not("excel")),
    ("Golf", Not("go")),
    ("", Not("python")),
    ("   ", Not("python")),
    ("Underwater basket weaving", Not("python")),
];

#[test]
fn tricky_names_resolve_as_expected() {
    let catalog = Catalog::builtin().expect("catalog loads");
    assert!(TABLE.len() >= 60);
    let id = |i: usize| catalog.skill(i).id.as_str();
    let mut failures = Vec::new();
    for (input, expect) in TABLE {
        let got = catalog.resolve(input);
        let ok = match (expect, &got) {
            (Is(want), r) => r.skill().map(id) == Some(*want),
            (
                Suggests(want),
                Resolution::Unrecognized {
                    suggestion: Some(s),
                },
            ) => id(*s) == *want,
            (Suggests(_), _) => false,
            (Unknown, r) => matches!(r, Resolution::Unrecognized { suggestion: None }),
            (Not(unwanted), r) => {
                matches!(r, Resolution::Unrecognized { .. }) && r.skill().map(id) != Some(*unwanted)
            }
        };
        if !ok {
            failures.push(format!("{input:?}: expected {expect:?}, got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn resolution_says_how_it_matched() {
    let catalog = Catalog::builtin().expect("catalog loads");
    assert_eq!(catalog.resolve("PyTorch").via(), "name");
    assert_eq!(catalog.resolve("torch").via(), "alias torch");
    assert!(catalog
        .resolve("Tensorflwo")
        .via()
        .starts_with("spelling close to"));
}

/// The role ids of a JSON report.
fn report_roles(output: &std::process::Output) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|role| role["id"].as_str().expect("an id").to_string())
        .collect()
}

/// Issue 15: `--role "LLM Engineer"` suggested `ml-engineer`. A role is named by its id or its
/// title, in any case, with spaces, hyphens or underscores; enum values take any case too.
#[test]
fn roles_are_named_by_id_or_title_in_any_case() {
    for name in [
        "llm-engineer",
        "LLM Engineer",
        "LLM-Engineer",
        "llm_engineer",
        "  llm engineer ",
    ] {
        let output = skillgap(&[
            "assess",
            "examples/jordan.json",
            "--role",
            name,
            "--format",
            "JSON",
        ]);
        assert_eq!(report_roles(&output), ["llm-engineer"], "{name}");
    }
    let output = skillgap(&[
        "assess",
        "examples/jordan.json",
        "--role",
        "Deep Learning Engineer",
        "--role",
        "CUDA-engineer",
        "--format",
        "Json",
        "--tier",
        "Senior",
    ]);
    assert_eq!(
        report_roles(&output),
        ["deep-learning-engineer", "cuda-engineer"]
    );
    let output = skillgap(&["role", "director of ai strategy"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("Director of AI Strategy (ai-strategy-director)"),
        "{stdout}"
    );
    // diff filters its roles by the same names.
    let output = skillgap(&[
        "diff",
        "examples/new-grad.json",
        "examples/jordan.json",
        "--role",
        "LLM Engineer",
        "--format",
        "JSON",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON diff");
    let text = diff.to_string();
    assert!(
        text.contains("llm-engineer") && !text.contains("cuda-engineer"),
        "{text}"
    );
    // A name that is no role still fails, with the nearest id.
    let output = skillgap(&["assess", "examples/jordan.json", "--role", "LLM Enginer"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown role `LLM Enginer` (did you mean `llm-engineer`?)"),
        "{stderr}"
    );
}
