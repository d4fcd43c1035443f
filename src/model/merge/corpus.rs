//! Several annotators' files on the same documents, as the command line's `merge` and the
//! browser's adjudication screen both read them: one file per annotator, named by the file
//! ([`AnnotatorFiles::add`]), and the documents matched across files by their text
//! ([`AnnotatorFiles::matched`]), ready for one `Merge` each.
//!
//! Names: the `annotator` of the file's first document that has one, else the file's name; a
//! name given twice gets the file after it (`ana (b/ana.json)`, then `ana (c.json, 3)`).
//! Documents: by content id (the text), in the first file's order; every file must hold the
//! same documents, each once.

use std::collections::HashMap;

use crate::model::review::Annotator;
use crate::model::workspace::Workspace;

/// One annotator's file: how messages name it, whose work it is, and its documents.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotatorFile {
    /// How messages name the file (a path on the command line, a file name in the browser).
    pub file: String,
    pub name: String,
    pub documents: Vec<Workspace>,
}

/// The files of a merge, in the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotatorFiles {
    files: Vec<AnnotatorFile>,
}

/// Whose work `documents` are: the `annotator` of the first that names one, else `file_name`.
pub fn annotator_name(documents: &[Workspace], file_name: &str) -> String {
    documents
        .iter()
        .map(|d| d.annotator.as_str())
        .find(|name| !name.is_empty())
        .unwrap_or(file_name)
        .to_string()
}

impl AnnotatorFiles {
    pub fn new() -> AnnotatorFiles {
        AnnotatorFiles::default()
    }

    pub fn files(&self) -> &[AnnotatorFile] {
        &self.files
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Adds one annotator's `documents`, read from `file` (named `file_name` when no document
    /// names its annotator), and returns the name they are given.
    pub fn add(&mut self, file: &str, file_name: &str, documents: Vec<Workspace>) -> &str {
        let base = annotator_name(&documents, file_name);
        let (mut name, mut n) = (base.clone(), 1);
        while self.files.iter().any(|f| f.name == name) {
            n += 1;
            name = match n {
                2 => format!("{base} ({file})"),
                _ => format!("{base} ({file}, {n})"),
            };
        }
        self.files.push(AnnotatorFile {
            file: file.to_string(),
            name,
            documents,
        });
        &self.files[self.files.len() - 1].name
    }

    /// Takes out the file at `index` (the others keep their names).
    pub fn remove(&mut self, index: usize) -> Option<AnnotatorFile> {
        (index < self.files.len()).then(|| self.files.remove(index))
    }

    /// Every document's annotators, in the first file's order of documents and the files'
    /// order of annotators; or, one line each, why the files cannot be merged: a file holds a
    /// text twice, lacks one of the first file's or has one it lacks.
    pub fn matched(&self) -> Result<Vec<Vec<Annotator>>, Vec<String>> {
        let Some(first) = self.files.first() else {
            return Ok(Vec::new());
        };
        let mut errors = Vec::new();
        let same = "every file must hold the same documents";
        let mut by_id: Vec<HashMap<&str, &Workspace>> = Vec::new();
        for file in &self.files {
            let mut documents = HashMap::new();
            for document in &file.documents {
                if documents.insert(document.document.id(), document).is_some() {
                    errors.push(format!(
                        "{}: holds “{}” twice; give one annotator's work in each file",
                        file.file, document.document.title
                    ));
                }
            }
            let held = |id: &str| first.documents.iter().any(|d| d.document.id() == id);
            for document in &first.documents {
                if !documents.contains_key(document.document.id()) {
                    let title = &document.document.title;
                    errors.push(format!(
                        "{}: does not annotate “{title}”, which {} does; {same}",
                        file.file, first.file
                    ));
                }
            }
            for document in file.documents.iter().filter(|d| !held(d.document.id())) {
                let title = &document.document.title;
                errors.push(format!(
                    "{}: annotates “{title}”, which {} does not; {same}",
                    file.file, first.file
                ));
            }
            by_id.push(documents);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let matched = first
            .documents
            .iter()
            .map(|document| {
                let id = document.document.id();
                self.files
                    .iter()
                    .zip(&by_id)
                    .map(|(file, documents)| Annotator {
                        name: file.name.clone(),
                        workspace: documents[id].clone(),
                    })
                    .collect()
            })
            .collect();
        Ok(matched)
    }
}
