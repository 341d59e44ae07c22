//! Name resolution on the names people really write: a table of tricky spellings and their
//! expected outcome. A wrong match hides a real gap, so the "must not match" rows matter as much as
//! the rest.

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
