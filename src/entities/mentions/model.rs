//! The mention classifier's weights (`models/mentions.tsv`) and their scoring:
//! features hashed to keys, a softmax over the classes.

use super::*;

/// Fitted weights: one row of [`CLASSES`] weights per feature, plus a bias row.
///
/// Features are keyed by a 64-bit FNV-1a hash of their string, so the classifier
/// hashes a feature as it builds it and never assembles the string or compares keys.
/// Two different feature strings could share a hash: with the bundled model's 10^5
/// keys the chance that any query in a corpus of 10^9 features meets a key that is
/// not its own is about 10^-5, and `parse` fails loudly on a collision between keys.
#[derive(Debug, Default)]
pub struct MentionModel {
    pub(super) bias: [f32; 5],
    pub(super) weights: crate::util::strmap::U64Map<[f32; 5]>,
}

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

pub(super) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, continuing from `h`.
#[inline]
pub(super) fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// The key of a feature string.
pub(super) fn feature_key(name: &str) -> u64 {
    fnv(FNV_OFFSET, name.as_bytes())
}

/// The bundled model, parsed on first use.
pub(super) static BUNDLED: LazyLock<MentionModel> = LazyLock::new(|| {
    MentionModel::parse("mentions.tsv", include_str!("../../../models/mentions.tsv"))
        .expect("the bundled mention model is validated by the test suite")
});

impl MentionModel {
    /// Parses a model file (`models/README.md`) with the columns `feature` and one
    /// weight per class of [`CLASSES`] (`w_none`, `w_PER`...); the feature `<bias>` is
    /// the intercept.
    pub fn parse(name: &str, text: &str) -> Result<MentionModel, crate::LexiconError> {
        let file = crate::model::ModelFile::parse(name, text)?;
        file.expect_columns(&["feature", "w_none", "w_PER", "w_ORG", "w_LOC", "w_MISC"])?;
        let mut m = MentionModel::default();
        m.weights.reserve(file.max_rows());
        for row in file.rows() {
            let [name, ws @ ..] = file.fields::<6>(row)?;
            let mut w = [0f32; 5];
            for (x, s) in w.iter_mut().zip(ws) {
                *x = file.number(row, s)?;
            }
            if name == "<bias>" {
                m.bias = w;
            } else if m.weights.insert(feature_key(name), w).is_some() {
                // The bundled model is checked by a test; this never fires on it.
                return Err(file.error(row, format!("feature {name} repeated or sharing a hash")));
            }
        }
        Ok(m)
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the model has no feature weights.
    pub fn is_empty(&self) -> bool {
        self.weights.len() == 0
    }
}

impl MentionModel {
    /// Class probabilities ([`CLASSES`] order) for a set of feature strings.
    pub fn probabilities(&self, features: &[String]) -> [f32; 5] {
        softmax(self.scores(features.iter().map(|f| feature_key(f))))
    }

    /// The class scores (before the softmax) of features given by key: the bias plus
    /// the weights of each known key, summed in order.
    pub(super) fn scores(&self, keys: impl Iterator<Item = u64>) -> [f32; 5] {
        let mut z = self.bias;
        for key in keys {
            if let Some(w) = self.weights.get(key) {
                for (a, b) in z.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        z
    }
}

/// Class probabilities from summed scores.
pub(super) fn softmax(mut z: [f32; 5]) -> [f32; 5] {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for a in &mut z {
        *a = (*a - max).exp();
        sum += *a;
    }
    for a in &mut z {
        *a /= sum;
    }
    z
}

/// The bundled model.
pub fn bundled() -> &'static MentionModel {
    &BUNDLED
}
