extension Dataset {
    /// Sales facts over date, product (Zipf-popular), store and a type-2 customer.
    public static let retailStar = Dataset(
        name: "retail_star", domain: "retail", kind: .star,
        summary: "store sales star: fact_sales over dim_date, dim_product, dim_category, dim_store and a type-2 dim_customer",
        tables: [
            DatasetParts.dateTable(), DatasetParts.categoryTable("dim_category"),
            .init(name: "dim_product", small: 2_000, large: 50_000, fixed: false),
            .init(name: "dim_store", small: 40, large: 400, fixed: false),
            .init(name: "dim_customer", small: 5_000, large: 500_000, fixed: false),
            .init(name: "fact_sales", small: 100_000, large: 10_000_000, fixed: false),
        ],
        config: """
            seed: 42
            tables:
            \(DatasetParts.dateDimensionConfig)\(DatasetParts.categoryConfig("dim_category", key: "category_key"))  dim_product:
                rows: 2000
                columns:
                  brand: { type: company }
                  unit_cost: { type: log_normal, median: 12, sigma: 0.9, max: 2000 }
                  discontinued_on: { type: optional, prob: 0.08, inner: { type: date, start: "\(DatasetParts.firstDay)", end: "\(DatasetParts.endDay)" } }
              dim_store:
                rows: 40
                columns:
                  store_type: { type: weighted_choice, values: { mall: 0.35, street: 0.45, outlet: 0.12, airport: 0.08 } }
                  region: { type: one_of, values: [North, South, East, West, Central] }
                  opened_on: { type: date, start: "2005-01-01", end: "2022-12-31" }
            \(DatasetParts.customerDimensionConfig)  fact_sales:
                rows: 100000
                columns:
                  sale_date: \(DatasetParts.seasonalDay)
                  product_key: { type: zipf, over: dim_product, s: 1.05 }
                  quantity: { type: geometric, p: 0.55 }
                  discount: { type: optional, prob: 0.22, inner: { type: one_of, values: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3] } }
                  payment_method: { type: weighted_choice, values: { card: 0.62, cash: 0.23, mobile: 0.13, gift_card: 0.02 } }

            """,
        ddl: DatasetParts.dateDimensionDDL + DatasetParts.categoryDDL("dim_category", key: "category_key") + """
            CREATE TABLE dim_product (
                product_key INTEGER PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                product_name TEXT NOT NULL,
                category_key INTEGER NOT NULL REFERENCES dim_category (category_key),
                brand TEXT NOT NULL,
                unit_price NUMERIC(10,2) NOT NULL CHECK (unit_price > 0),
                unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0),
                discontinued_on DATE
            );
            CREATE TABLE dim_store (
                store_key INTEGER PRIMARY KEY,
                store_name TEXT NOT NULL,
                store_type TEXT NOT NULL CHECK (store_type IN ('mall', 'street', 'outlet', 'airport')),
                city TEXT NOT NULL,
                state TEXT,
                country TEXT NOT NULL,
                region TEXT NOT NULL,
                opened_on DATE NOT NULL
            );
            \(DatasetParts.customerDimensionDDL)CREATE TABLE fact_sales (
                sales_id BIGINT PRIMARY KEY,
                sale_date DATE NOT NULL REFERENCES dim_date (date_key),
                product_key INTEGER NOT NULL REFERENCES dim_product (product_key),
                store_key INTEGER NOT NULL REFERENCES dim_store (store_key),
                customer_sk INTEGER NOT NULL REFERENCES dim_customer (customer_sk),
                quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
                unit_price NUMERIC(10,2) NOT NULL CHECK (unit_price > 0),
                discount NUMERIC(4,2) CHECK (discount BETWEEN 0 AND 1),
                amount NUMERIC(12,2) NOT NULL CHECK (amount > 0),
                payment_method TEXT NOT NULL CHECK (payment_method IN ('card', 'cash', 'mobile', 'gift_card'))
            );
            CREATE INDEX fact_sales_date ON fact_sales (sale_date);
            CREATE INDEX fact_sales_product ON fact_sales (product_key);
            CREATE INDEX fact_sales_customer ON fact_sales (customer_sk);

            """,
        partitionColumns: ["fact_sales": "sale_date"]
    )
}
