extension Dataset {
    /// A hospital's operational schema: departments, physicians, patients, encounters, diagnoses, prescriptions.
    public static let healthcareOLTP = Dataset(
        name: "healthcare_oltp", domain: "healthcare", kind: .oltp,
        summary: "hospital operations: department, physician, patient, encounter, diagnosis, prescription",
        tables: [
            .init(name: "department", small: 8, large: 8, fixed: true),
            .init(name: "physician", small: 120, large: 2_000, fixed: false),
            .init(name: "patient", small: 5_000, large: 500_000, fixed: false),
            .init(name: "encounter", small: 20_000, large: 2_000_000, fixed: false),
            .init(name: "diagnosis", small: 30_000, large: 3_000_000, fixed: false),
            .init(name: "prescription", small: 25_000, large: 2_500_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
              department:
                rows: 8
                columns:
                  department_id: { type: sequential_id }
                  department_name: { type: cycle, values: [Emergency, Cardiology, Oncology, Pediatrics, Orthopedics, Neurology, Obstetrics, General Medicine] }
              physician:
                rows: 120
                columns:
                  specialty: { type: one_of, values: [internal medicine, surgery, cardiology, pediatrics, radiology, oncology, neurology, family medicine] }
              patient:
                rows: 5000
                columns:
                  age: { type: normal, mean: 52, stddev: 20, min: 18, max: 95, decimals: 0 }
                  blood_type: { type: weighted_choice, values: { "O+": 0.37, "A+": 0.36, "B+": 0.09, "AB+": 0.03, "O-": 0.07, "A-": 0.06, "B-": 0.015, "AB-": 0.005 } }
                  insurance_id: { type: optional, prob: 0.88, inner: { type: string_pattern, template: "INS-{sequential_id}" } }
                  phone: { type: optional, prob: 0.75, inner: { type: phone } }
              encounter:
                rows: 20000
                columns:
                  admitted_on: \(DatasetParts.seasonalDay)
                  encounter_type: { type: weighted_choice, values: { outpatient: 0.62, emergency: 0.2, inpatient: 0.15, telehealth: 0.03 } }
                  length_of_stay_days: { type: optional, prob: 0.15, inner: { type: geometric, p: 0.3 } }
              diagnosis:
                rows: 30000
                columns:
                  icd10_code: { type: zipf, n: 40, s: 1.2 }
                  is_primary: { type: bool, prob: 0.6 }
              prescription:
                rows: 25000
                columns:
                  drug: { type: weighted_choice, values: { atorvastatin: 0.16, metformin: 0.14, lisinopril: 0.13, amoxicillin: 0.12, ibuprofen: 0.12, omeprazole: 0.1, sertraline: 0.08, albuterol: 0.08, warfarin: 0.04, insulin: 0.03 } }
                  dose_mg: { type: log_normal, median: 20, sigma: 0.9, max: 2000 }
                  refills: { type: geometric, p: 0.5, min: 0 }

            """,
        ddl: """
            CREATE TABLE department (
                department_id INTEGER PRIMARY KEY,
                department_name TEXT NOT NULL UNIQUE
            );
            CREATE TABLE physician (
                physician_id INTEGER PRIMARY KEY,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                specialty TEXT NOT NULL,
                department_id INTEGER NOT NULL REFERENCES department (department_id)
            );
            CREATE TABLE patient (
                patient_id INTEGER PRIMARY KEY,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                gender TEXT,
                age INTEGER NOT NULL CHECK (age BETWEEN 18 AND 95),
                blood_type TEXT NOT NULL CHECK (blood_type IN ('O+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-')),
                insurance_id TEXT UNIQUE,
                phone TEXT,
                city TEXT NOT NULL
            );
            CREATE TABLE encounter (
                encounter_id BIGINT PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patient (patient_id),
                physician_id INTEGER NOT NULL REFERENCES physician (physician_id),
                department_id INTEGER NOT NULL REFERENCES department (department_id),
                admitted_on DATE NOT NULL,
                encounter_type TEXT NOT NULL CHECK (encounter_type IN ('outpatient', 'emergency', 'inpatient', 'telehealth')),
                length_of_stay_days INTEGER CHECK (length_of_stay_days >= 1)
            );
            CREATE INDEX encounter_patient ON encounter (patient_id);
            CREATE TABLE diagnosis (
                diagnosis_id BIGINT PRIMARY KEY,
                encounter_id BIGINT NOT NULL REFERENCES encounter (encounter_id),
                icd10_code INTEGER NOT NULL CHECK (icd10_code BETWEEN 1 AND 40),
                is_primary BOOLEAN NOT NULL
            );
            CREATE INDEX diagnosis_encounter ON diagnosis (encounter_id);
            CREATE TABLE prescription (
                prescription_id BIGINT PRIMARY KEY,
                encounter_id BIGINT NOT NULL REFERENCES encounter (encounter_id),
                drug TEXT NOT NULL,
                dose_mg INTEGER NOT NULL CHECK (dose_mg > 0),
                refills INTEGER NOT NULL CHECK (refills >= 0)
            );
            CREATE INDEX prescription_encounter ON prescription (encounter_id);

            """,
        partitionColumns: ["encounter": "admitted_on"]
    )
}
