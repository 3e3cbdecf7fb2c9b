use std::path::PathBuf;

/// The folders Leo uses on this machine.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The database and the children's recordings.
    pub data_dir: PathBuf,
    pub models_dir: PathBuf,
    pub wheel_cache: PathBuf,
}

impl Paths {
    pub fn resolve(data_dir: Option<PathBuf>, models_dir: Option<PathBuf>) -> Paths {
        let dirs = directories::ProjectDirs::from("org", "Leo", "leo");
        let data_dir = data_dir
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(|| PathBuf::from(".leo"));
        let models_dir = models_dir.unwrap_or_else(|| data_dir.join("models"));
        let wheel_cache = std::env::var_os("LEO_WHEEL_CACHE")
            .map(PathBuf::from)
            .or_else(|| dirs.as_ref().map(|d| d.cache_dir().join("wheels")))
            .unwrap_or_else(|| data_dir.join("wheels"));
        Paths {
            data_dir,
            models_dir,
            wheel_cache,
        }
    }
}
